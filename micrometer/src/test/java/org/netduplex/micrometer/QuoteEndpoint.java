package org.netduplex.micrometer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.feature.Feature;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.netduplex.server.CallbackChannels;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.PollingDuplexFeature;
import org.netduplex.stock.IStockService;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.stock.Stock;

/** The captured StockService on CXF's embedded Jetty at a free loopback port: Register sends one quote back. */
final class QuoteEndpoint implements AutoCloseable {
  final PollingDuplexFeature feature;
  final URI address;
  private final Bus bus = BusFactory.newInstance().createBus();
  private final Server server;

  QuoteEndpoint(DuplexServerConfig config, Feature... more) {
    this.feature = new PollingDuplexFeature(config);
    this.address = URI.create("http://localhost:" + freePort() + "/StockService");
    JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
    factory.setBus(bus);
    factory.setServiceClass(QuoteService.class);
    factory.setServiceBean(new QuoteService());
    factory.setAddress(address.toString());
    factory.getFeatures().add(feature);
    factory.getFeatures().addAll(java.util.List.of(more));
    this.server = factory.create();
  }

  @Override
  public void close() {
    server.destroy();
    bus.shutdown(true);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @jakarta.jws.WebService(
      serviceName = "StockService",
      portName = "PollingDuplexHttpBinding_IStockService",
      targetNamespace = "Silverlight",
      wsdlLocation = "classpath:wsdl/StockService.wsdl",
      endpointInterface = "org.netduplex.stock.IStockService")
  public static class QuoteService implements IStockService {
    @Override
    public void register() {
      Stock quote = new Stock();
      quote.setSymbol("AAHH");
      quote.setAsk(256.7);
      quote.setBid(256.02);
      CallbackChannels.current(IStockServiceCallback.class).update(quote);
    }

    @Override
    public void sync(Stock stock) {}
  }
}
