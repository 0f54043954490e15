package org.netduplex.server.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.netduplex.server.OneNodeTask;

/** The in-memory store's single node always holds every lease: tasks start at once and stop with the store. */
final class LocalOneNodeTasks {
  private static final Logger LOG = Logger.getLogger(LocalOneNodeTasks.class.getName());
  private final List<AutoCloseable> running = new ArrayList<>();

  synchronized AutoCloseable run(String name, OneNodeTask task) {
    AutoCloseable stopper;
    try {
      stopper = task.start();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "One-node task " + name + " did not start: " + e);
      return () -> { };
    }
    AutoCloseable once = new StopOnce(name, stopper);
    running.add(once);
    return once;
  }

  void stopAll() {
    List<AutoCloseable> tasks;
    synchronized (this) {
      tasks = new ArrayList<>(running);
      running.clear();
    }
    for (AutoCloseable t : tasks) {
      close(t);
    }
  }

  static void close(AutoCloseable task) {
    try {
      task.close();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "A one-node task did not stop cleanly: " + e);
    }
  }

  /** Closes its task once, however often it is closed. */
  private static final class StopOnce implements AutoCloseable {
    private final String name;
    private AutoCloseable task;

    StopOnce(String name, AutoCloseable task) {
      this.name = name;
      this.task = task;
    }

    @Override
    public synchronized void close() throws Exception {
      if (task != null) {
        AutoCloseable t = task;
        task = null;
        LOG.fine(() -> "One-node task " + name + " stopped");
        t.close();
      }
    }
  }
}
