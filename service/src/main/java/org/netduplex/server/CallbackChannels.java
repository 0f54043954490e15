package org.netduplex.server;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.netduplex.server.internal.CallbackMessage;
import org.netduplex.server.internal.DuplexEngine;
import org.netduplex.server.internal.RealDuplexSession;

/**
 * Service code's way back to its clients, like WCF's {@code OperationContext.Current.GetCallbackChannel<T>()}.
 *
 * <pre>{@code
 * public void register() {
 *   DuplexSession caller = CallbackChannels.currentSession();
 *   subscribers.add(caller);                       // usable after this operation returns
 *   caller.callback(IStockServiceCallback.class).update(quote);
 * }
 *
 * void tick(Stock quote) {                         // encoded once, queued for every subscriber
 *   CallbackChannels.broadcast(subscribers, IStockServiceCallback.class, c -> c.update(quote));
 * }
 * }</pre>
 */
public final class CallbackChannels {
  private CallbackChannels() {}

  /**
   * The session of the call being served on this thread.
   *
   * @return the session
   * @throws IllegalStateException outside a service operation of a polling duplex endpoint
   */
  public static DuplexSession currentSession() {
    Message message = PhaseInterceptorChain.getCurrentMessage();
    Exchange exchange = message == null ? null : message.getExchange();
    RealDuplexSession session = exchange == null ? null : exchange.get(RealDuplexSession.class);
    if (session == null) {
      throw new IllegalStateException(
          "No duplex session: call CallbackChannels from a service operation of an endpoint"
              + " with PollingDuplexFeature, on the thread that runs the operation");
    }
    return session;
  }

  /**
   * A typed callback proxy for the calling session; see {@link DuplexSession#callback}.
   *
   * @param <T> the callback contract
   * @param callbackContract the generated callback interface
   * @return a proxy that sends each call to the calling client
   * @throws IllegalStateException outside a service operation of a polling duplex endpoint
   */
  public static <T> T current(Class<T> callbackContract) {
    return currentSession().callback(callbackContract);
  }

  /**
   * Sends the calls {@code calls} makes on the proxy it is given to each of {@code sessions}. Each
   * call is encoded once, however many sessions there are. A session whose queue is full misses the
   * message (reported to {@link DuplexSessionListener#messageRefused}); an ended session is skipped.
   *
   * @param <T> the callback contract
   * @param sessions the sessions to send to, all of {@link PollingDuplexFeature}s
   * @param callbackContract the generated callback interface
   * @param calls makes the calls to send on the proxy it is given
   * @return how many sessions received every message
   * @throws IllegalArgumentException if a session is not one of a {@link PollingDuplexFeature}
   */
  public static <T> int broadcast(Iterable<? extends DuplexSession> sessions, Class<T> callbackContract,
      Consumer<? super T> calls) {
    List<CallbackMessage> messages = new ArrayList<>(1);
    calls.accept(DuplexEngine.newProxy(callbackContract, messages::add, "broadcast"));
    int reached = 0;
    for (DuplexSession s : sessions) {
      if (!(s instanceof RealDuplexSession session)) {
        throw new IllegalArgumentException("Not a session of a PollingDuplexFeature: " + s);
      }
      boolean all = true;
      for (CallbackMessage m : messages) {
        all &= session.offer(m);
      }
      if (all) {
        reached++;
      }
    }
    return reached;
  }
}
