package org.netduplex.samples.readme;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.netduplex.jetty.PollingDuplexJetty;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.PollingDuplexFeature;

/** The embedded Jetty set-up of the README (kept compiling here; the README quotes it verbatim). */
public final class JettyExample {
  private JettyExample() {}

  /** Publishes {@link QuoteService} on CXF's embedded Jetty at {@code http://host:port/StockService}. */
  public static Server start(String host, int port) {
    // README:jetty-begin
    Bus bus = BusFactory.getDefaultBus();
    PollingDuplexJetty.preparePort(bus, host, port, 32); // before the first endpoint on that port

    QuoteService service = new QuoteService();
    JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
    factory.setBus(bus);
    factory.setServiceBean(service);
    factory.setAddress("http://" + host + ":" + port + "/StockService");
    factory.getFeatures().add(new PollingDuplexFeature(DuplexServerConfig.builder().listener(service).build()));
    Server server = factory.create();                    // Jetty starts with the first endpoint
    // README:jetty-end
    return server;
  }
}
