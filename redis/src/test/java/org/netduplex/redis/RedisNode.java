package org.netduplex.redis;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.function.Consumer;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.netduplex.server.CallbackChannels;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.PollingDuplexFeature;
import org.netduplex.stock.IStockService;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.stock.Stock;
import org.netduplex.testing.SoapHttp;

/**
 * One cluster node: the captured StockService on CXF's embedded Jetty at a free loopback port, its
 * engine on a {@link RedisDuplexStore}. Register sends one quote back (symbol AAHH); Sync sends the
 * caller's stock back to the caller, so a test numbers its callbacks by symbol.
 */
final class RedisNode implements AutoCloseable {
  final PollingDuplexFeature feature;
  final URI address;
  final SoapHttp http;
  private final Bus bus = BusFactory.newInstance().createBus();
  private final Server server;
  private boolean closed;

  RedisNode(String redisUri, String nodeId, String prefix, Consumer<DuplexServerConfig.Builder> settings) {
    this(RedisDuplexStore.builder(redisUri).nodeId(nodeId).keyPrefix(prefix), settings);
  }

  RedisNode(RedisDuplexStore.Builder store, Consumer<DuplexServerConfig.Builder> settings) {
    DuplexServerConfig.Builder config = DuplexServerConfig.builder().store(store.build());
    settings.accept(config);
    this.feature = new PollingDuplexFeature(config.build());
    this.address = URI.create("http://localhost:" + freePort() + "/StockService");
    this.http = new SoapHttp(address);
    JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
    factory.setBus(bus);
    factory.setServiceClass(EchoService.class);
    factory.setServiceBean(new EchoService());
    factory.setAddress(address.toString());
    factory.getFeatures().add(feature);
    this.server = factory.create();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    feature.close(); // first: its parked polls are answered while the server still runs
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
  public static class EchoService implements IStockService {
    @Override
    public void register() {
      Stock quote = new Stock();
      quote.setSymbol("AAHH");
      CallbackChannels.current(IStockServiceCallback.class).update(quote);
    }

    @Override
    public void sync(Stock stock) {
      CallbackChannels.current(IStockServiceCallback.class).update(stock);
    }
  }
}
