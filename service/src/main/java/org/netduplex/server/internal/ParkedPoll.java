package org.netduplex.server.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.netduplex.core.Cancellable;
import org.netduplex.core.Scheduler;

/**
 * One {@code MakeConnection} waiting for a message. Three racers may answer it: a message arriving,
 * its timeout, or a newer poll replacing it. The mailbox lock decides who takes it; the atomic flag
 * makes completion happen exactly once whatever the interleaving.
 */
public final class ParkedPoll {
  private final PollWaiter waiter;
  private final AtomicBoolean done = new AtomicBoolean();
  private volatile Cancellable timeout;

  public ParkedPoll(PollWaiter waiter) {
    this.waiter = waiter;
  }

  /**
   * Starts the poll timeout, due at {@code deadlineNanos} on the scheduler's clock; a poll completed
   * in the meantime cancels it at once. The poll is parked (and counted) a moment before this runs,
   * and the clock may pass the deadline in that moment: the timeout then runs here, at once, instead
   * of a whole timeout late. {@code onTimeout} must tolerate a second call (the scheduler may have
   * run it too): it only answers a poll still parked.
   */
  public void armTimeout(Scheduler scheduler, long deadlineNanos, Runnable onTimeout) {
    Cancellable t = scheduler.schedule(onTimeout, Duration.ofNanos(Math.max(0, deadlineNanos - scheduler.nanoTime())));
    timeout = t;
    if (done.get()) {
      t.cancel();
    } else if (scheduler.nanoTime() - deadlineNanos >= 0) {
      t.cancel();
      onTimeout.run();
    }
  }

  /** Answers the poll; returns false if someone else already did. */
  public boolean complete(PollOutcome outcome) {
    if (!done.compareAndSet(false, true)) {
      return false;
    }
    Cancellable t = timeout;
    if (t != null) {
      t.cancel();
    }
    waiter.wake(outcome);
    return true;
  }
}
