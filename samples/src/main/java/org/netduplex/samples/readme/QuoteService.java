package org.netduplex.samples.readme;

import jakarta.jws.WebService;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.netduplex.server.CallbackChannels;
import org.netduplex.server.DuplexSession;
import org.netduplex.server.DuplexSessionListener;
import org.netduplex.server.SessionEndReason;
import org.netduplex.stock.IStockService;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.stock.Stock;

/** The server example of the README (kept compiling here; the README quotes it verbatim). */
// README:service-begin
@WebService(
    endpointInterface = "org.netduplex.stock.IStockService",
    wsdlLocation = "classpath:wsdl/StockService.wsdl",   // your WSDL, as its clients know it
    targetNamespace = "Silverlight",                     // and its service and port names;
    serviceName = "StockService",                        // else CXF makes a WSDL of its own,
    portName = "PollingDuplexHttpBinding_IStockService") // named after this class
public class QuoteService implements IStockService, DuplexSessionListener {
  private final Set<DuplexSession> subscribers = ConcurrentHashMap.newKeySet();

  @Override
  public void register() {                         // one-way: the client already got its 200
    DuplexSession caller = CallbackChannels.currentSession();
    subscribers.add(caller);
    IStockServiceCallback client = caller.callback(IStockServiceCallback.class);
    client.update(quote("AAHH", 256.7, 256.02));  // queued; delivered on the client's next poll
  }

  @Override
  public void sync(Stock stock) {                  // encoded once, queued for every subscriber
    CallbackChannels.broadcast(subscribers, IStockServiceCallback.class, c -> c.update(stock));
  }

  @Override
  public void sessionEnded(DuplexSession session, SessionEndReason reason) {
    subscribers.remove(session);                   // inactivity timeout, closed, server stopped
  }

  static Stock quote(String symbol, double ask, double bid) {
    Stock s = new Stock();
    s.setSymbol(symbol);
    s.setAsk(ask);
    s.setBid(bid);
    return s;
  }
}
// README:service-end
