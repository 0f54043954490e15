package org.netduplex.samples.war;

import jakarta.jws.WebService;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.netduplex.server.CallbackChannels;
import org.netduplex.server.DuplexSession;
import org.netduplex.server.DuplexSessionListener;
import org.netduplex.server.SessionEndReason;
import org.netduplex.stock.IStockService;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.stock.Stock;

/**
 * The StockService of the captured WCF sample: a registered client gets a first quote, and a
 * {@code Sync} reaches every subscriber. Logs each session's end, so an operator sees an undeploy
 * end them.
 */
@WebService(
    endpointInterface = "org.netduplex.stock.IStockService",
    wsdlLocation = "classpath:wsdl/StockService.wsdl",
    targetNamespace = "Silverlight",
    serviceName = "StockService",
    portName = "PollingDuplexHttpBinding_IStockService")
public class StockQuoteService implements IStockService, DuplexSessionListener {
  private static final Logger LOG = Logger.getLogger(StockQuoteService.class.getName());
  /** Enough of a session id to tell sessions apart in a log; the whole id would let a reader act as the client. */
  private static final int LOGGED_ID_CHARS = 8;

  private final Set<DuplexSession> subscribers = ConcurrentHashMap.newKeySet();

  @Override
  public void register() {
    DuplexSession caller = CallbackChannels.currentSession();
    subscribers.add(caller);
    caller.callback(IStockServiceCallback.class).update(quote("AAHH", 256.7, 256.02));
  }

  @Override
  public void sync(Stock stock) {
    CallbackChannels.broadcast(subscribers, IStockServiceCallback.class, c -> c.update(stock));
  }

  @Override
  public void sessionEnded(DuplexSession session, SessionEndReason reason) {
    subscribers.remove(session);
    LOG.info(() -> "Session " + shortId(session.id()) + " ended: " + reason);
  }

  static String shortId(String sessionId) {
    return sessionId.substring(0, Math.min(LOGGED_ID_CHARS, sessionId.length()));
  }

  private static Stock quote(String symbol, double ask, double bid) {
    Stock s = new Stock();
    s.setSymbol(symbol);
    s.setAsk(ask);
    s.setBid(bid);
    return s;
  }
}
