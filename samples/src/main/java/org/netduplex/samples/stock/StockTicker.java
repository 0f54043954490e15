package org.netduplex.samples.stock;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.netduplex.core.Cancellable;
import org.netduplex.core.Scheduler;
import org.netduplex.server.OneNodeTask;

/**
 * The quote ticker: once started, runs {@code tick} every interval until stopped. It is a
 * {@link OneNodeTask}, so in a cluster it runs on one node at a time and every quote is sent once, and
 * another node starts it when that node dies. A tick that fails (the store unreachable) is logged and
 * the next one runs as planned.
 */
final class StockTicker implements OneNodeTask {
  private static final Logger LOG = Logger.getLogger(StockTicker.class.getName());

  private final Scheduler scheduler;
  private final Duration interval;
  private final Runnable tick;
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger ticks = new AtomicInteger();

  StockTicker(Scheduler scheduler, Duration interval, Runnable tick) {
    this.scheduler = scheduler;
    this.interval = interval;
    this.tick = tick;
  }

  @Override
  public AutoCloseable start() {
    running.incrementAndGet();
    Running run = new Running();
    run.scheduleNext();
    return run;
  }

  /** Whether it runs on this node now. */
  boolean running() {
    return running.get() > 0;
  }

  /** Ticks run on this node so far. */
  int ticks() {
    return ticks.get();
  }

  /** One run of the ticker, from its start to its stop. */
  private final class Running implements AutoCloseable {
    private volatile boolean stopped;
    private volatile Cancellable next;

    void scheduleNext() {
      next = scheduler.schedule(this::tickOnce, interval);
      if (stopped) { // stopped while scheduling: the stop may have cancelled the previous tick only
        next.cancel();
      }
    }

    private void tickOnce() {
      if (stopped) {
        return;
      }
      try {
        ticks.incrementAndGet();
        tick.run();
      } catch (RuntimeException e) {
        LOG.warning("A quote tick failed: " + e.getMessage());
      }
      scheduleNext();
    }

    @Override
    public void close() {
      if (stopped) {
        return;
      }
      stopped = true;
      running.decrementAndGet();
      Cancellable n = next;
      if (n != null) {
        n.cancel();
      }
    }
  }
}
