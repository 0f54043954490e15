package org.netduplex.server;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.netduplex.server.internal.CallbackMessage;
import org.netduplex.server.internal.DuplexEngine;
import org.netduplex.server.internal.Mailbox;
import org.netduplex.server.internal.RealDuplexSession;

/**
 * Service code's way back to its clients, like WCF's {@code OperationContext.GetCallbackChannel<T>()}.
 * Get it from {@link PollingDuplexFeature#callbacks()}.
 *
 * <pre>{@code
 * public void register() {
 *   IStockServiceCallback client = callbacks.current(IStockServiceCallback.class);
 *   subscribers.add(client);            // usable after this operation returns
 * }
 *
 * void tick(Stock quote) {
 *   callbacks.broadcast(IStockServiceCallback.class, c -> c.update(quote)); // encoded once
 * }
 * }</pre>
 */
public final class CallbackChannels {
  private final DuplexEngine engine;

  CallbackChannels(DuplexEngine engine) {
    this.engine = engine;
  }

  /**
   * The session of the call being served on this thread.
   *
   * @throws IllegalStateException outside a service operation of a polling duplex endpoint
   */
  public DuplexSession currentSession() {
    Message message = PhaseInterceptorChain.getCurrentMessage();
    Exchange exchange = message == null ? null : message.getExchange();
    RealDuplexSession session = exchange == null ? null : exchange.get(RealDuplexSession.class);
    if (session == null) {
      throw new IllegalStateException(
          "No duplex session: call currentSession()/current() from a service operation of an endpoint"
              + " with PollingDuplexFeature, on the thread that runs the operation");
    }
    return session;
  }

  /** A typed callback proxy for the calling session; see {@link DuplexSession#callback}. */
  public <T> T current(Class<T> callbackContract) {
    return currentSession().callback(callbackContract);
  }

  /** The open sessions, in no particular order. */
  public Collection<DuplexSession> sessions() {
    return List.copyOf(engine.openSessions());
  }

  /**
   * Sends the calls {@code calls} makes on the proxy it is given to every open session. Each call is
   * encoded once, however many sessions there are. A session whose queue is full misses the message
   * (reported to {@link DuplexSessionListener#messageRefused}); the others are unaffected.
   *
   * @return how many sessions received every message
   */
  public <T> int broadcast(Class<T> callbackContract, Consumer<? super T> calls) {
    List<CallbackMessage> messages = new ArrayList<>(1);
    calls.accept(DuplexEngine.newProxy(callbackContract, messages::add, "broadcast"));
    int reached = 0;
    for (RealDuplexSession session : engine.openSessions()) {
      boolean all = true;
      for (CallbackMessage m : messages) {
        Mailbox.OfferStatus status = engine.offer(session, m);
        all &= status == Mailbox.OfferStatus.QUEUED || status == Mailbox.OfferStatus.HANDED_TO_POLL;
      }
      if (all) {
        reached++;
      }
    }
    return reached;
  }
}
