package org.netduplex.core;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The real-time {@link Scheduler}: one {@link ScheduledThreadPoolExecutor} with named daemon threads.
 * Cancelled tasks leave its queue at once, so tens of thousands of poll timeouts that are mostly
 * cancelled cost no memory.
 */
public final class SystemScheduler implements Scheduler, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SystemScheduler.class.getName());

  private final ScheduledThreadPoolExecutor executor;

  /**
   * Starts the threads; {@link #close()} stops them.
   *
   * @param threadNamePrefix names the threads {@code prefix-1}, {@code prefix-2}, …
   * @param threads how many threads run tasks
   */
  public SystemScheduler(String threadNamePrefix, int threads) {
    AtomicInteger count = new AtomicInteger();
    this.executor = new ScheduledThreadPoolExecutor(threads, r -> {
      Thread t = new Thread(r, threadNamePrefix + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public Cancellable schedule(Runnable task, Duration delay) {
    ScheduledFuture<?> future = executor.schedule(() -> runLogged(task), delay.toNanos(), TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  /** A failing task must not kill the thread that runs every other session's timeouts. */
  private static void runLogged(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      LOG.log(Level.SEVERE, "Scheduled task failed", e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
