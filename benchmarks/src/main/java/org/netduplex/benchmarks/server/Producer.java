package org.netduplex.benchmarks.server;

import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.netduplex.benchmarks.Stamp;

/**
 * The one thread inside each server JVM that queues the benchmark's messages, the same class for all
 * three servers (its CPU is in every server's figure alike). Credit mode sends as fast as the credits
 * allow; rate mode sends a fixed number a second round robin (open loop: a slow server does not slow
 * the sender, its queues grow).
 */
final class Producer<S> {
  private final BenchServer<S> server;
  private final Credits<S> credits;
  private final int padding;
  private volatile boolean running;
  private volatile long sent;
  private Thread thread;

  Producer(BenchServer<S> server, Credits<S> credits, int padding) {
    this.server = server;
    this.credits = credits;
    this.padding = padding;
  }

  void startCredit(int perSession) {
    credits.start(server.sessions(), perSession);
    start(() -> {
      while (running) {
        S s = take();
        if (s != null) {
          send(s);
        }
      }
    });
  }

  void startRate(int perSecond) {
    List<S> sessions = server.sessions();
    start(() -> {
      long begin = System.nanoTime();
      for (long i = 0; running && !sessions.isEmpty(); i++) {
        long due = begin + i * 1_000_000_000L / perSecond;
        for (long wait; running && (wait = due - System.nanoTime()) > 0; ) {
          LockSupport.parkNanos(wait);
        }
        send(sessions.get((int) (i % sessions.size())));
      }
    });
  }

  /** Stops sending; returns how many messages were sent since the start. */
  long stop() {
    running = false;
    credits.stop();
    if (thread != null) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return sent;
  }

  private void start(Runnable loop) {
    if (running) {
      throw new IllegalStateException("the producer is already running");
    }
    running = true;
    sent = 0;
    thread = new Thread(loop, "bench-producer");
    thread.setDaemon(true);
    thread.start();
  }

  private S take() {
    try {
      return credits.take(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
      return null;
    }
  }

  private void send(S session) {
    try {
      server.send(session, Stamp.now(Stamp.SINGLE, padding));
      sent++;
    } catch (RuntimeException e) {
      // A full or ended session misses this message; the load generator counts what arrives.
    }
  }
}
