package org.netduplex.redis.cluster;

import jakarta.jws.WebService;
import org.netduplex.server.DuplexSession;
import org.netduplex.server.DuplexSessionListener;
import org.netduplex.server.SessionEndReason;
import org.netduplex.stock.IStockService;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.stock.Stock;

/**
 * The stock contract as the cluster tests use it: {@code Register} only opens the session (it sends
 * nothing, so a client's callbacks are exactly the sequence the test sends), and each session event
 * this node's listener hears is printed ({@code event opened <sid>}, {@code event ended <sid> <reason>}).
 * A callback carries {@code (clientId, seq)} as the quote's symbol and ask.
 */
@WebService(
    serviceName = "StockService",
    portName = "PollingDuplexHttpBinding_IStockService",
    targetNamespace = "Silverlight",
    wsdlLocation = "classpath:wsdl/StockService.wsdl",
    endpointInterface = "org.netduplex.stock.IStockService")
public class SequenceService implements IStockService, DuplexSessionListener {
  private final NodeOutput out;

  SequenceService(NodeOutput out) {
    this.out = out;
  }

  @Override
  public void register() {
    // the call itself opened the session; the test sends the sequence
  }

  @Override
  public void sync(Stock stock) {
    // not used by the cluster tests
  }

  @Override
  public void sessionOpened(DuplexSession session) {
    out.line("event opened " + session.id());
  }

  @Override
  public void sessionEnded(DuplexSession session, SessionEndReason reason) {
    out.line("event ended " + session.id() + " " + reason);
  }

  /**
   * Callback {@code seq} of client {@code clientId}.
   *
   * @param clientId the client's number in the test
   * @param seq its sequence number, from 0
   * @return the quote that carries them
   */
  static Stock sequenced(int clientId, long seq) {
    Stock s = new Stock();
    s.setSymbol("c" + clientId);
    s.setAsk(seq);
    s.setBid(0);
    return s;
  }

  /** Sends {@code seq} of {@code clientId} to {@code session}: queued there (or refused, as the store decides). */
  static void send(DuplexSession session, int clientId, long seq) {
    session.callback(IStockServiceCallback.class).update(sequenced(clientId, seq));
  }
}
