package org.netduplex.server.internal.cxf;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.time.Duration;

/**
 * Counts the poll requests parked on the servlet container until their responses are complete, so a
 * stopping endpoint can wait (a bounded time) for the answers to its parked polls to go out before
 * the transport closes: otherwise a client sees the connection cut, or the container's own error
 * page, instead of the answer. While {@link #stopping()}, parked polls are answered where they are
 * woken ({@code ContinuationPollWaiter}).
 */
public final class ParkedRequests {
  private int open; // guarded by this
  private volatile boolean stopping;

  /** The endpoint stops: from now on parked polls are answered without being dispatched again. */
  public void stopping() {
    stopping = true;
  }

  public boolean isStopping() {
    return stopping;
  }

  /**
   * Call once a poll's request was suspended on {@code async}; {@code onContainerError} runs if the
   * container fails the request while it is parked.
   */
  void parked(AsyncContext async, Runnable onContainerError) {
    synchronized (this) {
      open++;
    }
    async.addListener(new AsyncListener() {
      @Override
      public void onComplete(AsyncEvent event) {
        completed();
      }

      @Override
      public void onTimeout(AsyncEvent event) {}

      @Override
      public void onError(AsyncEvent event) {
        onContainerError.run();
      }

      @Override
      public void onStartAsync(AsyncEvent event) {}
    });
  }

  /**
   * Counts a request parked outside the servlet layer (the poll front's Jetty handler, or its filter
   * with its own listener); the returned action, run once its answer is written, ends the count.
   */
  public Runnable parkedElsewhere() {
    synchronized (this) {
      open++;
    }
    java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
    return () -> {
      if (done.compareAndSet(false, true)) {
        completed();
      }
    };
  }

  private synchronized void completed() {
    open--;
    notifyAll();
  }

  /**
   * Waits until every parked request's response is complete, at most {@code grace} (wall-clock: the
   * transport's threads write the answers). Returns how many were still open.
   */
  public synchronized int awaitCompleted(Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    try {
      while (open > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        wait(Math.max(1, left / 1_000_000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return open;
  }
}
