package org.netduplex.client.internal;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs tasks one at a time, in submission order, on a shared executor: callbacks of one client
 * arrive in order while many clients share a few threads.
 */
public final class SerialExecutor implements Executor {
  private static final Logger LOG = Logger.getLogger(SerialExecutor.class.getName());

  private final Executor delegate;
  private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
  private boolean running;

  public SerialExecutor(Executor delegate) {
    this.delegate = delegate;
  }

  @Override
  public void execute(Runnable task) {
    synchronized (this) {
      tasks.add(task);
      if (running) {
        return;
      }
      running = true;
    }
    submitDrain();
  }

  private void submitDrain() {
    try {
      delegate.execute(this::drain);
    } catch (RejectedExecutionException e) {
      synchronized (this) {
        LOG.log(Level.WARNING, "Callback executor refused work; " + tasks.size() + " callbacks dropped", e);
        tasks.clear();
        running = false;
      }
    }
  }

  private void drain() {
    Runnable next;
    synchronized (this) {
      next = tasks.poll();
      if (next == null) {
        running = false;
        return;
      }
    }
    try {
      next.run();
    } finally {
      // One task per turn, then re-submit: a busy client cannot starve the others on the pool.
      boolean more;
      synchronized (this) {
        more = !tasks.isEmpty();
        if (!more) {
          running = false;
        }
      }
      if (more) {
        submitDrain();
      }
    }
  }
}
