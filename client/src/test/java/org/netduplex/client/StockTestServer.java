package org.netduplex.client;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.netduplex.server.CallbackChannels;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.DuplexSession;
import org.netduplex.server.DuplexSessionListener;
import org.netduplex.server.PollingDuplexFeature;
import org.netduplex.jetty.PollingDuplexJetty;
import org.netduplex.server.SessionEndReason;
import org.netduplex.stock.IStockService;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.stock.Stock;

/** The StockService on a real CXF + Jetty endpoint over loopback: Register sends one quote, Sync goes to all. */
final class StockTestServer implements AutoCloseable {
  final URI address;
  final PollingDuplexFeature feature;
  final Quotes service;
  private final Bus bus;
  private final Server server;

  StockTestServer(DuplexServerConfig config) {
    this(config, freePort(), 32, false);
  }

  StockTestServer(DuplexServerConfig config, int port, int maxThreads) {
    this(config, port, maxThreads, false);
  }

  /** A SOAP 1.2 + WS-Addressing 1.0 endpoint, as a Silverlight 3+ binding talks to (text or binary). */
  static StockTestServer soap12(DuplexServerConfig config) {
    return new StockTestServer(config, freePort(), 32, true);
  }

  private StockTestServer(DuplexServerConfig config, int port, int maxThreads, boolean soap12) {
    this.address = URI.create("http://localhost:" + port + "/StockService");
    this.service = soap12 ? new Quotes12() : new Quotes11();
    this.feature = new PollingDuplexFeature(config.toBuilder().listener(service).build());
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

  int port() {
    return address.getPort();
  }

  static Stock stock(String symbol, double ask, double bid, String notes) {
    Stock s = new Stock();
    s.setSymbol(symbol);
    s.setAsk(ask);
    s.setBid(bid);
    s.setNotes(notes);
    return s;
  }

  /** Register sends one quote, Sync goes to every subscriber; subclasses carry the publishing annotations. */
  public abstract static class Quotes implements IStockService, DuplexSessionListener {
    final Set<DuplexSession> subscribers = ConcurrentHashMap.newKeySet();
    final java.util.List<SessionEndReason> ended = new java.util.concurrent.CopyOnWriteArrayList<>();
    final java.util.List<SessionEndReason> endReasons = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void register() {
      DuplexSession caller = CallbackChannels.currentSession();
      subscribers.add(caller);
      caller.callback(IStockServiceCallback.class).update(stock("AAHH", 256.7, 256.02, null));
    }

    @Override
    public void sync(Stock stock) {
      CallbackChannels.broadcast(subscribers, IStockServiceCallback.class, c -> c.update(stock));
    }

    @Override
    public void sessionEnded(DuplexSession session, SessionEndReason reason) {
      ended.add(reason);
      subscribers.remove(session);
      endReasons.add(reason);
    }
  }

  /** {@link Quotes} published from the captured SOAP 1.1 contract. */
  @jakarta.jws.WebService(
      serviceName = "StockService",
      portName = "PollingDuplexHttpBinding_IStockService",
      targetNamespace = "Silverlight",
      wsdlLocation = "classpath:wsdl/StockService.wsdl",
      endpointInterface = "org.netduplex.stock.IStockService")
  public static class Quotes11 extends Quotes {}

  /** {@link Quotes} without the SOAP 1.1 WSDL (CXF reads annotations up the class tree), for a SOAP 1.2 binding. */
  @jakarta.jws.WebService(
      serviceName = "StockService",
      portName = "PollingDuplexHttpBinding_IStockService",
      targetNamespace = "Silverlight",
      endpointInterface = "org.netduplex.stock.IStockService")
  public static class Quotes12 extends Quotes {}

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.destroy();
    feature.close();
    bus.shutdown(true);
  }
}
