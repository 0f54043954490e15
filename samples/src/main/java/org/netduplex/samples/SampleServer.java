package org.netduplex.samples;

import java.util.function.Consumer;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import org.eclipse.jetty.server.AbstractConnector;
import org.netduplex.samples.web.SessionStatus;
import org.netduplex.samples.web.WebContent;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.DuplexSessionListener;
import org.netduplex.server.PollingDuplexFeature;
import org.netduplex.server.PollingDuplexJetty;

/**
 * What every sample server is: a polling duplex CXF endpoint on its own bus and embedded Jetty, with
 * its pages, the shared scripts and the status page next to it.
 */
public final class SampleServer implements AutoCloseable {
  private final Bus bus;
  private final Server server;
  private final PollingDuplexFeature duplex;
  private final String address;

  /**
   * Publishes {@code service} (a {@code @WebService} bean that is also the session listener) at
   * {@code http://host:port/path} and mounts the pages {@code pages} adds to the shared ones.
   */
  public SampleServer(String title, String host, int port, String path, int maxThreads, DuplexServerConfig config,
      Object service, DuplexSessionListener listener, Consumer<WebContent> pages) {
    this.address = "http://" + host + ":" + port + "/" + path;
    this.duplex = new PollingDuplexFeature(config.toBuilder().listener(listener).build());
    this.bus = BusFactory.newInstance().createBus();
    PollingDuplexJetty.preparePort(bus, host, port, maxThreads);
    // Accept no connection until the pages are mounted: a request that reached the root context
    // before its page servlet existed could leave "/" answering 404 for good. Early clients wait
    // in the accept queue instead.
    AbstractConnector connector = (AbstractConnector) bus.getExtension(JettyHTTPServerEngineFactory.class)
        .retrieveJettyHTTPServerEngine(port).getConnector();
    connector.setAccepting(false);
    JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
    factory.setBus(bus);
    factory.setServiceClass(service.getClass());
    factory.setServiceBean(service);
    factory.setAddress(address);
    factory.getFeatures().add(duplex);
    this.server = factory.create();
    WebContent web = new WebContent()
        .file("/netduplex.js", "netduplex.js").file("/style.css", "style.css")
        .file("/status", "status.html").file("/status.js", "status.js")
        .generated("/status.json", () -> SessionStatus.json(title, duplex));
    pages.accept(web);
    web.mountNextTo(bus, address);
    connector.setAccepting(true);
  }

  /** The endpoint's address. */
  public String address() {
    return address;
  }

  /** The sample's page, served next to the endpoint. */
  public String pageAddress() {
    return address.substring(0, address.lastIndexOf('/') + 1);
  }

  public PollingDuplexFeature duplex() {
    return duplex;
  }

  /** Stops the endpoint, ends every session, releases the port. */
  @Override
  public void close() {
    server.destroy();
    duplex.close();
    bus.shutdown(true);
  }
}
