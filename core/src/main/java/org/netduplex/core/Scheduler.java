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
  /**
   * Monotonic time, as {@link System#nanoTime()}: only differences between two readings mean anything.
   *
   * @return the current time in nanoseconds
   */
  long nanoTime();

  /**
   * Runs {@code task} once, after {@code delay}, on a scheduler thread.
   *
   * @param task short and non-blocking, see above
   * @param delay how long from now; zero or negative runs it as soon as possible
   * @return a handle that calls the task off
   */
  Cancellable schedule(Runnable task, Duration delay);
}
