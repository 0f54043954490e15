package org.netduplex.wcf;

import java.util.Set;
import org.netduplex.server.CallbackChannels;
import org.netduplex.server.DuplexSession;
import org.netduplex.stock.IStockService;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.stock.Stock;

/**
 * The stock service the WCF peer talks to, as the captured sample behaves: {@code Register} subscribes the caller and
 * sends it one quote; {@code Sync} echoes the client's Stock to every subscriber (capture F). Both endpoints share one
 * set of subscribers, so a SOAP 1.1 client's Sync reaches a SOAP 1.2 client's poll.
 */
abstract class WcfPeerStockService implements IStockService {
  static final String SYMBOL = "AAHH";

  private Set<DuplexSession> subscribers;

  void subscribers(Set<DuplexSession> shared) {
    this.subscribers = shared;
  }

  @Override
  public void register() {
    DuplexSession caller = CallbackChannels.currentSession();
    subscribers.add(caller);
    caller.callback(IStockServiceCallback.class).update(stock(SYMBOL, 256.7, 256.02, null));
  }

  @Override
  public void sync(Stock stock) {
    CallbackChannels.broadcast(subscribers, IStockServiceCallback.class, c -> c.update(stock));
  }

  static Stock stock(String symbol, double ask, double bid, String notes) {
    Stock s = new Stock();
    s.setSymbol(symbol);
    s.setAsk(ask);
    s.setBid(bid);
    s.setNotes(notes);
    return s;
  }

  /** Published from the captured SOAP 1.1 contract (Silverlight 2). */
  @jakarta.jws.WebService(
      serviceName = "StockService",
      portName = "PollingDuplexHttpBinding_IStockService",
      targetNamespace = "Silverlight",
      wsdlLocation = "classpath:wsdl/StockService.wsdl",
      endpointInterface = "org.netduplex.stock.IStockService")
  public static class Soap11 extends WcfPeerStockService {}

  /** The same contract without the SOAP 1.1 WSDL, for the SOAP 1.2 + WS-Addressing endpoint (Silverlight 3+). */
  @jakarta.jws.WebService(
      serviceName = "StockService",
      portName = "PollingDuplexHttpBinding_IStockService",
      targetNamespace = "Silverlight",
      endpointInterface = "org.netduplex.stock.IStockService")
  @jakarta.xml.ws.BindingType(jakarta.xml.ws.soap.SOAPBinding.SOAP12HTTP_BINDING)
  public static class Soap12 extends WcfPeerStockService {}
}
