package org.netduplex.benchmarks.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.netduplex.core.DuplexMode;
import org.netduplex.server.CallbackChannels;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.DuplexSession;
import org.netduplex.server.DuplexSessionListener;
import org.netduplex.server.DuplexStore;
import org.netduplex.server.PollingDuplexFeature;
import org.netduplex.jetty.PollingDuplexJetty;
import org.netduplex.stock.IStockService;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.stock.Stock;

/**
 * NetDuplex as an application builds it from the public API: the captured {@code IStockService} on a
 * CXF JAX-WS endpoint with {@link PollingDuplexFeature}, {@link PollingDuplexJetty#preparePort}, and
 * {@code IStockServiceCallback.update(Stock)} as the message, on each session's callback proxy or as a
 * broadcast. {@code MULTIPLE_MESSAGES_PER_POLL} batches only the polls that ask for it ({@code Accept:
 * multipart/mixed}); plain polls get one message each.
 */
final class NetDuplexServer implements BenchServer<NetDuplexServer.Client> {
  /** A session and its callback proxy, made once. */
  record Client(DuplexSession session, IStockServiceCallback callback) {}

  private final Bus bus = BusFactory.newInstance().createBus();
  private final Map<DuplexSession, Client> clients = new ConcurrentHashMap<>();
  private final List<Client> opened = new ArrayList<>();
  private final PollingDuplexFeature duplex;
  private final Server endpoint;

  /** A node on the in-memory store. */
  NetDuplexServer(String host, int port, Credits<Client> credits) {
    this(host, port, credits, null);
  }

  /** A node on {@code store} (null: the default in-memory store), every other setting the same. */
  NetDuplexServer(String host, int port, Credits<Client> credits, DuplexStore store) {
    DuplexServerConfig.Builder config = DuplexServerConfig.builder();
    if (store != null) {
      config.store(store);
    }
    duplex = new PollingDuplexFeature(config
        .duplexMode(DuplexMode.MULTIPLE_MESSAGES_PER_POLL)
        .pollTimeout(Duration.ofMillis(JettySettings.POLL_HOLD_MILLIS))
        .inactivityTimeout(Duration.ofHours(1))
        .maxSessions(200_000)
        .maxPendingMessagesPerSession(10_000)
        .listener(new DuplexSessionListener() {
          @Override
          public void messageDelivered(DuplexSession session) {
            Client c = clients.get(session);
            if (c != null) {
              credits.delivered(c);
            }
          }
        })
        .build());
    PollingDuplexJetty.preparePort(bus, host, port, JettySettings.REQUEST_THREADS);
    JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
    factory.setBus(bus);
    factory.setServiceClass(StockEndpoint.class);
    factory.setServiceBean(new StockEndpoint(this::registered));
    factory.setAddress("http://" + host + ":" + port + "/StockService");
    factory.getFeatures().add(duplex);
    endpoint = factory.create();
  }

  /** Register records the caller; nothing else is sent until the producer starts. */
  @jakarta.jws.WebService(
      serviceName = "StockService",
      portName = "PollingDuplexHttpBinding_IStockService",
      targetNamespace = "Silverlight",
      wsdlLocation = "classpath:wsdl/StockService.wsdl",
      endpointInterface = "org.netduplex.stock.IStockService")
  public static final class StockEndpoint implements IStockService {
    private final Consumer<DuplexSession> registered;

    StockEndpoint(Consumer<DuplexSession> registered) {
      this.registered = registered;
    }

    @Override
    public void register() {
      registered.accept(CallbackChannels.currentSession());
    }

    @Override
    public void sync(Stock stock) {}
  }

  private void registered(DuplexSession caller) {
    Client c = new Client(caller, caller.callback(IStockServiceCallback.class));
    if (clients.putIfAbsent(caller, c) == null) {
      synchronized (opened) {
        opened.add(c);
      }
    }
  }

  @Override
  public List<Client> sessions() {
    synchronized (opened) {
      return List.copyOf(opened);
    }
  }

  @Override
  public int parkedPolls() {
    return duplex.metrics().parkedPolls();
  }

  @Override
  public void send(Client client, String payload) {
    client.callback().update(stock(payload));
  }

  @Override
  public void broadcast(String payload) {
    Stock stock = stock(payload);
    duplex.broadcast(IStockServiceCallback.class, c -> c.update(stock));
  }

  private static Stock stock(String notes) {
    Stock s = new Stock();
    s.setSymbol("BENCH");
    s.setAsk(227.69);
    s.setBid(226.74);
    s.setNotes(notes);
    return s;
  }

  @Override
  public void close() {
    endpoint.destroy();
    duplex.close();
    bus.shutdown(true);
  }
}
