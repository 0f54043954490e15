package org.netduplex.benchmarks.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.netduplex.benchmarks.Stamp;

/**
 * The thread (in rate mode, threads) inside each server JVM that queues the benchmark's messages, the
 * same class for all three servers (its CPU is in every server's figure alike). Credit mode sends as
 * fast as the credits allow; rate mode sends a fixed number a second round robin (open loop: a slow
 * server does not slow the sender, its queues grow). Rate mode may use several threads, each sending
 * every n-th message on the same schedule: on a store whose queueing call waits for a round trip
 * (Redis), one thread would offer at most one message per round trip.
 */
final class Producer<S> {
  private final BenchServer<S> server;
  private final Credits<S> credits;
  private final int padding;
  private final LongAdder sent = new LongAdder();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  Producer(BenchServer<S> server, Credits<S> credits, int padding) {
    this.server = server;
    this.credits = credits;
    this.padding = padding;
  }

  void startCredit(int perSession) {
    credits.start(server.sessions(), perSession);
    start(List.of(() -> {
      while (running) {
        S s = take();
        if (s != null) {
          send(s);
        }
      }
    }));
  }

  void startRate(int perSecond) {
    startRate(perSecond, 1);
  }

  /** {@code perSecond} messages a second in all; thread {@code t} of {@code senders} sends messages t, t + senders, .... */
  void startRate(int perSecond, int senders) {
    List<S> sessions = server.sessions();
    long begin = System.nanoTime();
    List<Runnable> loops = new ArrayList<>();
    for (int t = 0; t < senders; t++) {
      int first = t;
      loops.add(() -> {
        for (long i = first; running && !sessions.isEmpty(); i += senders) {
          long due = begin + i * 1_000_000_000L / perSecond;
          for (long wait; running && (wait = due - System.nanoTime()) > 0; ) {
            LockSupport.parkNanos(wait);
          }
          send(sessions.get((int) (i % sessions.size())));
        }
      });
    }
    start(loops);
  }

  /** Stops sending; returns how many messages were sent since the start. */
  long stop() {
    running = false;
    credits.stop();
    for (Thread thread : threads) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    threads.clear();
    return sent.sum();
  }

  private void start(List<Runnable> loops) {
    if (running) {
      throw new IllegalStateException("the producer is already running");
    }
    running = true;
    sent.reset();
    for (Runnable loop : loops) {
      Thread thread = new Thread(loop, "bench-producer-" + threads.size());
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
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
      sent.increment();
    } catch (RuntimeException e) {
      // A full or ended session misses this message; the load generator counts what arrives.
    }
  }
}
