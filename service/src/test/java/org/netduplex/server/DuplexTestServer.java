package org.netduplex.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.netduplex.jetty.PollingDuplexJetty;

/** A real CXF endpoint with PollingDuplexFeature on a free loopback port. */
public final class DuplexTestServer implements AutoCloseable {
  public final PollingDuplexFeature feature;
  public final StockServiceLogic service;
  public final URI address;
  private final Bus bus;
  private final Server server;

  public DuplexTestServer(DuplexServerConfig config) {
    this(config, 32);
  }

  public DuplexTestServer(DuplexServerConfig config, int maxThreads) {
    this(config, maxThreads, false);
  }

  /** With {@code soap12}, the endpoint speaks SOAP 1.2 with WS-Addressing 1.0, as WCF custom bindings can. */
  public DuplexTestServer(DuplexServerConfig config, int maxThreads, boolean soap12) {
    int port = freePort();
    this.address = URI.create("http://localhost:" + port + "/StockService");
    this.feature = new PollingDuplexFeature(config);
    this.service = soap12 ? new TestStockService12() : new TestStockService();
    service.feature = feature;
    this.bus = BusFactory.newInstance().createBus();
    PollingDuplexJetty.preparePort(bus, "localhost", port, maxThreads);
    JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
    factory.setBus(bus);
    factory.setServiceClass(service.getClass());
    if (soap12) {
      factory.setBindingId(jakarta.xml.ws.soap.SOAPBinding.SOAP12HTTP_BINDING);
      factory.getFeatures().add(new org.apache.cxf.ws.addressing.WSAddressingFeature());
    }
    factory.setServiceBean(service);
    factory.setAddress(address.toString());
    factory.getFeatures().add(feature);
    this.server = factory.create();
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stops and destroys the endpoint only, as an application would; the feature and the bus are left to it. */
  public void destroyEndpoint() {
    server.destroy();
  }

  /** Shuts the bus down only, which destroys its endpoints. */
  public void shutdownBus() {
    bus.shutdown(true);
  }

  @Override
  public void close() {
    server.destroy();
    feature.close();
    bus.shutdown(true);
  }
}
