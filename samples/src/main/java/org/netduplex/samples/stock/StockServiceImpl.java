package org.netduplex.samples.stock;

import java.util.logging.Logger;
import org.netduplex.server.CallbackChannels;
import org.netduplex.server.CallbackQueueFullException;
import org.netduplex.server.DuplexGroups;
import org.netduplex.server.DuplexSession;
import org.netduplex.server.SessionEndedException;
import org.netduplex.stock.IStockService;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.stock.Stock;

/**
 * The StockService of seed 002: {@code Register} subscribes the caller and sends it every current
 * quote; {@code Sync} records a client's notes and echoes the quote to every subscriber (capture F);
 * {@link #publish} pushes a ticker's change to every subscriber.
 *
 * <p>The subscribers are the endpoint's group {@value #SUBSCRIBERS}, not a set kept here: with a shared
 * store the group is cluster-wide, so a quote published on one node reaches the clients that
 * registered on any node. A session leaves the group when it ends.
 */
@jakarta.jws.WebService(
    serviceName = "StockService",
    portName = "PollingDuplexHttpBinding_IStockService",
    targetNamespace = "Silverlight",
    wsdlLocation = "classpath:wsdl/StockService.wsdl",
    endpointInterface = "org.netduplex.stock.IStockService")
public class StockServiceImpl implements IStockService {
  private static final Logger LOG = Logger.getLogger(StockServiceImpl.class.getName());
  /** Longest note accepted; longer ones are cut, so one client cannot flood every other. */
  static final int MAX_NOTES_LENGTH = 1_000;
  /** The group of registered clients. */
  static final String SUBSCRIBERS = "quotes";

  private final StockQuotes quotes;
  private final DuplexGroups groups;

  StockServiceImpl(StockQuotes quotes, DuplexGroups groups) {
    this.quotes = quotes;
    this.groups = groups;
  }

  @Override
  public void register() {
    subscribe(CallbackChannels.currentSession());
  }

  /**
   * Subscribes {@code caller} and sends it every quote. A one-way Register runs after its 200, so the
   * client may have closed the session by then (a user who quit at once): nothing to send, no error.
   */
  void subscribe(DuplexSession caller) {
    groups.join(SUBSCRIBERS, caller); // an ended session is not added
    IStockServiceCallback client = caller.callback(IStockServiceCallback.class);
    try {
      for (Stock quote : quotes.all()) {
        client.update(quote);
      }
    } catch (CallbackQueueFullException e) {
      LOG.warning(e.getMessage());
    } catch (SessionEndedException e) {
      LOG.fine(() -> "Register of an ended session: " + e.getMessage());
    }
  }

  @Override
  public void sync(Stock stock) {
    if (stock == null || stock.getSymbol() == null || !quotes.annotate(stock.getSymbol(), cap(stock.getNotes()))) {
      LOG.fine("Sync ignored: no known symbol");
      return;
    }
    // As the WCF sample does (capture F): every subscriber gets the Stock as the client sent it.
    publish(StockQuotes.stock(stock.getSymbol(), stock.getAsk(), stock.getBid(), cap(stock.getNotes())));
  }

  private static String cap(String notes) {
    return notes != null && notes.length() > MAX_NOTES_LENGTH ? notes.substring(0, MAX_NOTES_LENGTH) : notes;
  }

  /** Sends {@code quote} to every subscriber; encoded once. */
  void publish(Stock quote) {
    groups.broadcast(SUBSCRIBERS, IStockServiceCallback.class, c -> c.update(quote));
  }

  StockQuotes quotes() {
    return quotes;
  }

  int subscriberCount() {
    return groups.size(SUBSCRIBERS);
  }
}
