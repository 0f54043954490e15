package org.netduplex.server.internal.front;

import org.netduplex.server.internal.PollOutcome;
import org.netduplex.server.internal.PollWaiter;

/**
 * A poll the front parked: the engine may wake it before the request has been parked (the outcome
 * is then kept and the request thread answers it), and the container may end the request while it
 * waits (it is then answered empty and abandoned: a message that still arrives goes to the next poll).
 */
final class FrontPollWaiter implements PollWaiter {
  private final PollFront front;
  private final PollExchange exchange;
  private final AnswerForm form;
  private PollOutcome early; // guarded by this
  private boolean parked; // guarded by this
  private boolean answered; // guarded by this

  FrontPollWaiter(PollFront front, PollExchange exchange, AnswerForm form) {
    this.front = front;
    this.exchange = exchange;
    this.form = form;
  }

  @Override
  public void wake(PollOutcome outcome) {
    boolean tooLate;
    synchronized (this) {
      if (!parked) {
        early = outcome;
        return;
      }
      tooLate = answered;
      answered = true;
    }
    if (tooLate) {
      front.redeliver(outcome);
    } else {
      front.answer(exchange, form, outcome);
    }
  }

  /** Parks the request unless an outcome already came, which is then returned for the caller to answer. */
  PollOutcome parkUnlessWoken() {
    synchronized (this) {
      if (early != null) {
        return early;
      }
      parked = true;
      exchange.park(this::containerEnded); // under the lock: a wake answers only a parked request
    }
    return null;
  }

  private void containerEnded() {
    synchronized (this) {
      if (answered) {
        return;
      }
      answered = true;
    }
    exchange.answerEmpty();
  }
}
