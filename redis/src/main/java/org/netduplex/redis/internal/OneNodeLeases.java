package org.netduplex.redis.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.netduplex.core.Cancellable;
import org.netduplex.core.Scheduler;
import org.netduplex.server.OneNodeTask;

/**
 * {@code runOnOneNode} on Redis: each task has a lease key that one node holds at a time
 * ({@code nd_lease}, renewed every {@link #RENEW}, lost after {@link #TTL} without renewal). The
 * holder runs the task; a node that fails to renew stops it before its lease can have passed to
 * another node (it stops at the first failed renewal, well inside the TTL).
 */
final class OneNodeLeases {
  private static final Logger LOG = Logger.getLogger(OneNodeLeases.class.getName());
  static final Duration RENEW = Duration.ofSeconds(1);
  static final Duration TTL = Duration.ofSeconds(5);

  private final RedisFunctions functions;
  private final Scheduler scheduler;
  private final Executor executor;
  private final LongSupplier nowMillis;
  private final List<Lease> leases = new CopyOnWriteArrayList<>();

  OneNodeLeases(RedisFunctions functions, Scheduler scheduler, Executor executor, LongSupplier nowMillis) {
    this.functions = functions;
    this.scheduler = scheduler;
    this.executor = executor;
    this.nowMillis = nowMillis;
  }

  AutoCloseable run(String name, OneNodeTask task) {
    Lease lease = new Lease(name, task);
    leases.add(lease);
    lease.tick();
    return lease::stop;
  }

  void stopAll() {
    for (Lease lease : leases) {
      lease.stop();
    }
  }

  private final class Lease {
    private final String name;
    private final OneNodeTask task;
    private volatile AutoCloseable running;
    private volatile Cancellable next;
    private volatile boolean stopped;

    Lease(String name, OneNodeTask task) {
      this.name = name;
      this.task = task;
    }

    void tick() {
      if (stopped) {
        return;
      }
      functions.lease(nowMillis.getAsLong(), name, functions.node(), TTL.toMillis()).whenCompleteAsync((held, error) -> {
        boolean mine = error == null && held;
        synchronized (this) {
          if (stopped) {
            return;
          }
          if (mine && running == null) {
            start();
          } else if (!mine && running != null) {
            halt();
          }
          next = scheduler.schedule(this::tick, RENEW);
        }
      }, executor);
    }

    private void start() {
      try {
        running = task.start();
        LOG.info(() -> "This node runs the one-node task " + name);
      } catch (Exception e) {
        LOG.log(Level.WARNING, "The one-node task " + name + " did not start; its lease is given up", e);
        functions.releaseLease(nowMillis.getAsLong(), name, functions.node());
      }
    }

    private void halt() {
      AutoCloseable r = running;
      running = null;
      try {
        r.close();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "Stopping the one-node task " + name + " failed", e);
      }
    }

    synchronized void stop() {
      if (stopped) {
        return;
      }
      stopped = true;
      Cancellable n = next;
      if (n != null) {
        n.cancel();
      }
      if (running != null) {
        halt();
        functions.releaseLease(nowMillis.getAsLong(), name, functions.node());
      }
    }
  }
}
