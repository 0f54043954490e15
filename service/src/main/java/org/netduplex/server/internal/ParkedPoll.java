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
final class ParkedPoll {
  private final PollWaiter waiter;
  private final AtomicBoolean done = new AtomicBoolean();
  private volatile Cancellable timeout;

  ParkedPoll(PollWaiter waiter) {
    this.waiter = waiter;
  }

  /** Starts the poll timeout; a poll completed in the meantime cancels it at once. */
  void armTimeout(Scheduler scheduler, Duration delay, Runnable onTimeout) {
    Cancellable t = scheduler.schedule(onTimeout, delay);
    timeout = t;
    if (done.get()) {
      t.cancel();
    }
  }

  /** Answers the poll; returns false if someone else already did. */
  boolean complete(PollOutcome outcome) {
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
