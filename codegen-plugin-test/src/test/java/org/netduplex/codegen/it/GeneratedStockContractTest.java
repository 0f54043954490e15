package org.netduplex.codegen.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.jws.WebService;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netduplex.client.PollingDuplexClient;
import org.netduplex.codegen.it.stock.IStockService;
import org.netduplex.codegen.it.stock.IStockServiceCallback;
import org.netduplex.codegen.it.stock.Stock;
import org.netduplex.server.CallbackChannels;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.DuplexSession;
import org.netduplex.server.PollingDuplexFeature;
import org.netduplex.jetty.PollingDuplexJetty;

/**
 * End to end with code the plugin generated in this module's generate-sources from the stock
 * contract in WCF's one-portType form: the generated service interface published with
 * PollingDuplexFeature on a real CXF endpoint on loopback, the generated callback interface used by
 * the server through DuplexSession.callback and by PollingDuplexClient to receive.
 */
class GeneratedStockContractTest {
  /** A service written against the generated interface, as a user writes one. */
  @WebService(endpointInterface = "org.netduplex.codegen.it.stock.IStockService")
  public static class Quotes implements IStockService {
    final Set<DuplexSession> subscribers = ConcurrentHashMap.newKeySet();

    @Override
    public void register() {
      DuplexSession caller = CallbackChannels.currentSession();
      subscribers.add(caller);
      caller.callback(IStockServiceCallback.class).update(stock("MSFT", 101.5, 101.25));
    }

    @Override
    public void sync(Stock stock) {
      CallbackChannels.broadcast(subscribers, IStockServiceCallback.class, c -> c.update(stock));
    }
  }

  private Bus bus;
  private PollingDuplexFeature feature;
  private Server server;
  private String address;

  @BeforeEach
  void publish() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    address = "http://127.0.0.1:" + port + "/StockService";
    bus = BusFactory.newInstance().createBus();
    PollingDuplexJetty.preparePort(bus, "127.0.0.1", port, 16);
    feature = new PollingDuplexFeature(DuplexServerConfig.builder().pollTimeout(Duration.ofSeconds(5)).build());
    JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
    factory.setBus(bus);
    factory.setServiceBean(new Quotes());
    factory.setAddress(address);
    factory.getFeatures().add(feature);
    server = factory.create();
  }

  @AfterEach
  void stop() {
    server.destroy();
    feature.close();
    bus.shutdown(true);
  }

  @Test
  void callbacksOfTheGeneratedContractArriveOverPollingDuplex() throws Exception {
    BlockingQueue<Stock> quotes = new LinkedBlockingQueue<>();
    IStockServiceCallback onQuote = quotes::add;
    try (PollingDuplexClient<IStockService> client = PollingDuplexClient.builder(java.net.URI.create(address))
        .callback(IStockServiceCallback.class, onQuote)
        .build(IStockService.class)) {
      client.service().register();
      Stock first = quotes.poll(20, TimeUnit.SECONDS);
      assertNotNull(first, "the callback Register queued arrived");
      assertEquals("MSFT", first.getSymbol());
      assertEquals(101.5, first.getAsk());

      client.service().sync(stock("CONTOSO", 7.0, 6.5));
      Stock synced = quotes.poll(20, TimeUnit.SECONDS);
      assertNotNull(synced, "the broadcast Sync sent arrived");
      assertEquals("CONTOSO", synced.getSymbol());
    }
  }

  static Stock stock(String symbol, double ask, double bid) {
    Stock s = new Stock();
    s.setSymbol(symbol);
    s.setAsk(ask);
    s.setBid(bid);
    return s;
  }
}
