package org.netduplex.server.internal.cxf;

import org.apache.cxf.continuations.Continuation;
import org.netduplex.server.internal.DuplexEngine;
import org.netduplex.server.internal.PollOutcome;
import org.netduplex.server.internal.PollWaiter;

/**
 * Connects a parked poll to the CXF continuation of its suspended request. The engine may wake it
 * before the request thread has suspended: the outcome is then kept and the request answers at once.
 * Kept on the exchange, so the interceptor finds it again when CXF re-enters it after resume.
 */
final class ContinuationPollWaiter implements PollWaiter {
  private final DuplexEngine engine;
  private PollOutcome outcome;
  private Continuation continuation;
  private boolean abandoned;

  ContinuationPollWaiter(DuplexEngine engine) {
    this.engine = engine;
  }

  @Override
  public void wake(PollOutcome o) {
    Continuation c;
    boolean answeredAlready;
    synchronized (this) {
      answeredAlready = abandoned;
      if (!answeredAlready) {
        outcome = o;
      }
      c = continuation;
    }
    if (answeredAlready) {
      // The transport's timeout answered the request first: the message goes to the next poll.
      if (o instanceof PollOutcome.Deliver d) {
        engine.redeliver(d.message());
      }
    } else if (c != null) {
      c.resume();
    } // else the request thread has not suspended yet and will find the outcome itself
  }

  /** Suspends the request unless an outcome already arrived, which is then returned. */
  synchronized PollOutcome suspendUnlessWoken(Continuation c, long timeoutMillis) {
    if (outcome != null) {
      return outcome;
    }
    continuation = c;
    c.suspend(timeoutMillis);
    return null;
  }

  /**
   * The outcome after resume. Null only if the transport's own timeout resumed the request first; the
   * waiter is then abandoned, and a message that still arrives for it is redelivered.
   */
  synchronized PollOutcome takeOutcomeOrAbandon() {
    if (outcome == null) {
      abandoned = true;
    }
    return outcome;
  }
}
