package org.netduplex.core;

import java.time.Duration;

/**
 * The time seam of the engine and the client: a monotonic clock and delayed tasks. Production code
 * uses {@link SystemScheduler}; tests use the fake of {@code netduplex-testing}, which moves time by
 * hand so a five-minute timeout is tested in microseconds.
 *
 * <p>Tasks must be short and never block: one scheduler serves every session.
 */
public interface Scheduler {
  /** Monotonic time in nanoseconds, as {@link System#nanoTime()}. */
  long nanoTime();

  /** Runs {@code task} once, after {@code delay}. */
  Cancellable schedule(Runnable task, Duration delay);
}
