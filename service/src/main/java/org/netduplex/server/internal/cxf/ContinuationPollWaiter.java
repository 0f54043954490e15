package org.netduplex.server.internal.cxf;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.logging.Logger;
import org.apache.cxf.continuations.Continuation;
import org.netduplex.server.internal.DuplexEngine;
import org.netduplex.server.internal.PollOutcome;
import org.netduplex.server.internal.PollWaiter;

/**
 * Connects a parked poll to the CXF continuation of its suspended request. The engine may wake it
 * before the request thread has suspended: the outcome is then kept and the request answers at once.
 * Kept on the exchange, so the interceptor finds it again when CXF re-enters it after resume. While
 * the endpoint stops, a poll that is not handed a message is answered empty right here, on the
 * stopping thread: a resumed request would be dispatched again into an application the container
 * may already refuse (its 404 page), or into a transport about to close. A poll the container fails
 * while it waits (Jetty, stopping as a whole, closes its connections before its applications) is
 * answered empty too, as its timeout would, instead of with the container's HTML error page.
 */
final class ContinuationPollWaiter implements PollWaiter {
  private static final Logger LOG = Logger.getLogger(ContinuationPollWaiter.class.getName());
  private final DuplexEngine engine;
  private final ParkedRequests parked;
  private PollOutcome outcome;
  private Continuation continuation;
  private AsyncContext async;
  private HttpServletResponse response;
  private boolean abandoned;

  ContinuationPollWaiter(DuplexEngine engine, ParkedRequests parked) {
    this.engine = engine;
    this.parked = parked;
  }

  @Override
  public void wake(PollOutcome o) {
    Continuation c;
    boolean answeredAlready;
    boolean answerHere;
    synchronized (this) {
      answeredAlready = abandoned;
      answerHere = !abandoned && async != null && parked.isStopping() && !(o instanceof PollOutcome.Deliver);
      if (answerHere) {
        abandoned = true; // answered here: nothing may resume the request any more
      } else if (!answeredAlready) {
        outcome = o;
      }
      c = continuation;
    }
    if (answerHere) {
      answerEmpty();
    } else if (answeredAlready) {
      // The transport's timeout answered the request first: the message goes to the next poll.
      if (o instanceof PollOutcome.Deliver d) {
        engine.redeliver(d.message());
      }
    } else if (c != null) {
      c.resume();
    } // else the request thread has not suspended yet and will find the outcome itself
  }

  /**
   * The container failed the parked request (its {@code AsyncListener.onError}). Unless an outcome is
   * already on its way, answer empty here: else the container writes its error page. The request is
   * abandoned, so a message that still arrives for it goes to the next poll.
   */
  void containerFailed() {
    synchronized (this) {
      if (abandoned || outcome != null || async == null) {
        return;
      }
      abandoned = true;
    }
    answerEmpty();
  }

  private void answerEmpty() {
    try {
      PollResponseWriter.writeEmpty(response);
      engine.answeredEmpty();
      async.complete();
    } catch (IllegalStateException e) {
      // The container already ended the request (it closed its connections first): nothing to answer.
      LOG.fine(() -> "Parked poll already ended by the container: " + e);
    }
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

  /** After suspending: the servlet request it is parked on, which a stopping endpoint answers directly. */
  void parkedOn(HttpServletRequest request, HttpServletResponse response) {
    if (!request.isAsyncStarted()) {
      return;
    }
    AsyncContext context = request.getAsyncContext();
    synchronized (this) {
      this.async = context;
      this.response = response;
    }
    parked.parked(context, this::containerFailed);
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
