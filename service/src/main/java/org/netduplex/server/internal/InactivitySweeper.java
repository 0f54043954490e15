package org.netduplex.server.internal;

import java.time.Duration;
import org.netduplex.core.Cancellable;
import org.netduplex.core.Scheduler;

/**
 * Ends idle sessions: one task on the shared scheduler asks the engine's store to sweep every
 * {@link #interval} (the store decides which sessions are idle, and a shared store that each ends
 * once, whichever node sweeps).
 */
final class InactivitySweeper {
  private final DuplexEngine engine;
  private final Scheduler scheduler;
  private final Duration interval;
  private volatile Cancellable next;
  private volatile boolean stopped;

  InactivitySweeper(DuplexEngine engine, Scheduler scheduler, Duration interval) {
    this.engine = engine;
    this.scheduler = scheduler;
    this.interval = interval;
  }

  /** Sessions end at most this long after their timeout passed. */
  Duration interval() {
    return interval;
  }

  void start() {
    next = scheduler.schedule(this::run, interval);
  }

  private void run() {
    if (stopped) {
      return;
    }
    engine.sweep(scheduler.nanoTime());
    if (!stopped) {
      next = scheduler.schedule(this::run, interval);
    }
  }

  void stop() {
    stopped = true;
    Cancellable c = next;
    if (c != null) {
      c.cancel();
    }
  }
}
