package org.netduplex.samples.timetable;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.netduplex.core.Cancellable;
import org.netduplex.core.Scheduler;

/**
 * Runs an action once things have been quiet for a while. Editors and programs write a file in
 * several steps (truncate, write, write, rename), each a watch event: the file is read once, after
 * the last one. The action runs on {@code executor}, never on the scheduler, whose tasks must not
 * block (CONCURRENCY.md rule 6) and a file read may.
 */
final class Debouncer {
  private final Scheduler scheduler;
  private final Duration quiet;
  private final Executor executor;
  private final Runnable action;
  private Cancellable pending; // guarded by this
  private boolean closed; // guarded by this

  Debouncer(Scheduler scheduler, Duration quiet, Executor executor, Runnable action) {
    this.scheduler = scheduler;
    this.quiet = quiet;
    this.executor = executor;
    this.action = action;
  }

  /** Something happened: run the action {@code quiet} from now, unless something else happens first. */
  synchronized void trigger() {
    if (closed) {
      return;
    }
    if (pending != null) {
      pending.cancel();
    }
    pending = scheduler.schedule(this::fire, quiet);
  }

  private void fire() {
    synchronized (this) {
      if (closed) {
        return;
      }
      pending = null;
    }
    try {
      executor.execute(action);
    } catch (RejectedExecutionException e) {
      // closing: nobody is left to tell
    }
  }

  /** Cancels a pending run; later triggers are ignored. */
  synchronized void close() {
    closed = true;
    if (pending != null) {
      pending.cancel();
      pending = null;
    }
  }
}
