package org.netduplex.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.netduplex.core.Cancellable;
import org.netduplex.core.Scheduler;

/**
 * A {@link Scheduler} whose clock moves only when a test says so. {@link #advanceBy} runs every task
 * that falls due, in time order, on the calling thread; tasks may be scheduled from any thread.
 */
public final class FakeScheduler implements Scheduler {
  private final PriorityQueue<Task> tasks = new PriorityQueue<>();
  private long nowNanos = 1_000_000_000L;
  private long sequence;

  @Override
  public synchronized long nanoTime() {
    return nowNanos;
  }

  @Override
  public synchronized Cancellable schedule(Runnable runnable, Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay < 0: " + delay);
    }
    Task task = new Task(nowNanos + delay.toNanos(), sequence++, runnable);
    tasks.add(task);
    return () -> {
      synchronized (FakeScheduler.this) {
        tasks.remove(task);
      }
    };
  }

  /**
   * Moves the clock forward by {@code delta}, running each task as its time comes.
   *
   * @param delta how far; zero runs what is due now
   */
  public void advanceBy(Duration delta) {
    long target;
    synchronized (this) {
      target = nowNanos + delta.toNanos();
    }
    while (true) {
      Task next;
      synchronized (this) {
        next = tasks.peek();
        if (next == null || next.dueNanos > target) {
          nowNanos = target;
          return;
        }
        tasks.poll();
        nowNanos = Math.max(nowNanos, next.dueNanos);
      }
      next.runnable.run(); // outside the lock: tasks may schedule more tasks
    }
  }

  /** Runs whatever is due now without moving the clock. */
  public void runDueTasks() {
    advanceBy(Duration.ZERO);
  }

  /**
   * How many tasks wait to run.
   *
   * @return the count; cancelled tasks are not counted
   */
  public synchronized int pendingTaskCount() {
    return tasks.size();
  }

  /**
   * Delays of the waiting tasks from now, soonest first; for assertions.
   *
   * @return a new list
   */
  public synchronized List<Duration> pendingDelays() {
    List<Task> sorted = new ArrayList<>(tasks);
    sorted.sort(null);
    List<Duration> delays = new ArrayList<>();
    for (Task t : sorted) {
      delays.add(Duration.ofNanos(t.dueNanos - nowNanos));
    }
    return delays;
  }

  private record Task(long dueNanos, long sequence, Runnable runnable) implements Comparable<Task> {
    @Override
    public int compareTo(Task o) {
      int c = Long.compare(dueNanos, o.dueNanos);
      return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
  }
}
