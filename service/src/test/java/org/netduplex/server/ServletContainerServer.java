package org.netduplex.server;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletConfig;
import java.util.EnumSet;
import java.net.URI;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The StockService deployed as a web application would be: CXF's servlet in a real servlet container
 * (embedded Jetty 12, the ee11 servlet environment CXF 4.2.3's own Jetty transport uses), on a free
 * loopback port. Nobody closes the feature here: the servlet's bus ends it, as in a WAR.
 */
final class ServletContainerServer implements AutoCloseable {
  final PollingDuplexFeature feature;
  final StockServiceLogic service = new TestStockService();
  final URI address;
  private final Server jetty = new Server();
  private final ServletContextHandler context = new ServletContextHandler("/app");

  ServletContainerServer(DuplexServerConfig config, boolean asyncSupported) {
    this(config, asyncSupported, true);
  }

  ServletContainerServer(DuplexServerConfig config, boolean asyncSupported, boolean pollFront) {
    feature = new PollingDuplexFeature(config);
    service.feature = feature;
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    ServletHolder cxf = new ServletHolder(new CXFNonSpringServlet() {
      @Override
      protected void loadBus(ServletConfig servletConfig) {
        super.loadBus(servletConfig);
        JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
        factory.setBus(getBus());
        factory.setServiceClass(TestStockService.class);
        factory.setServiceBean(service);
        factory.setAddress("/StockService");
        factory.getFeatures().add(feature);
        factory.create();
      }
    });
    cxf.setAsyncSupported(asyncSupported); // web.xml: <async-supported>true</async-supported>
    context.addServlet(cxf, "/services/*");
    if (pollFront) { // web.xml: the filter, async-supported, for the REQUEST and ASYNC dispatchers
      FilterHolder front = new FilterHolder(new PollFrontFilter());
      front.setAsyncSupported(asyncSupported);
      context.addFilter(front, "/services/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
    }
    jetty.setHandler(context);
    try {
      jetty.start();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    address = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/app/services/StockService");
  }

  /** Undeploys the application (its servlet is destroyed) while the container keeps running. */
  void stopApplication() throws Exception {
    context.stop();
  }

  /** Stops the whole container. */
  @Override
  public void close() throws Exception {
    jetty.stop();
  }
}
