package org.netduplex.benchmarks.load;

import java.util.Arrays;
import org.netduplex.benchmarks.Stamp;

/**
 * What the load generator's clients received: the latency of every message stamped inside the measured
 * window (however late it arrives), the messages that arrived inside the window (for throughput and
 * CPU per message), and the broadcast's arrivals. Every answer of every client passes here once.
 */
final class Receipts {
  private long windowFrom = Long.MAX_VALUE;
  private long windowTo = Long.MAX_VALUE;
  private long[] latencies = new long[1 << 16];
  private int samples;
  private long arrivedInWindow;
  private long answersInWindow;
  private long received;
  private int firstAnswerBytes = -1;
  private int broadcastsReceived;
  private long broadcastSlowest;

  synchronized void answer(String body, long now) {
    long before = received;
    Stamp.scan(body, Stamp.SINGLE, stamp -> single(stamp, now));
    if (received - before == 1 && firstAnswerBytes < 0) {
      firstAnswerBytes = body.length(); // the bodies are ASCII: characters are bytes
    }
    Stamp.scan(body, Stamp.BROADCAST, stamp -> {
      broadcastsReceived++;
      broadcastSlowest = Math.max(broadcastSlowest, now - stamp);
      notifyAll();
    });
    if (received != before) {
      if (now >= windowFrom && now <= windowTo) {
        answersInWindow++;
      }
      notifyAll();
    }
  }

  private void single(long stamp, long now) {
    received++;
    if (now >= windowFrom && now <= windowTo) {
      arrivedInWindow++;
    }
    if (stamp >= windowFrom && stamp <= windowTo) {
      if (samples == latencies.length) {
        latencies = Arrays.copyOf(latencies, samples * 2);
      }
      latencies[samples++] = now - stamp;
    }
  }

  synchronized void startWindow() {
    windowFrom = System.nanoTime();
    windowTo = Long.MAX_VALUE;
    samples = 0;
    arrivedInWindow = 0;
    answersInWindow = 0;
  }

  synchronized void endWindow() {
    windowTo = System.nanoTime();
  }

  /**
   * Waits until {@code total} messages (all the server sent since this load generator started) have
   * arrived, at most {@code maxMillis}; returns how many have.
   */
  synchronized String awaitReceived(long total, long maxMillis) throws InterruptedException {
    long end = System.currentTimeMillis() + maxMillis;
    for (long left; received < total && (left = end - System.currentTimeMillis()) > 0; ) {
      wait(left);
    }
    return "received=" + received;
  }

  synchronized String report() {
    long[] sorted = Arrays.copyOf(latencies, samples);
    Arrays.sort(sorted);
    long windowNanos = (windowTo == Long.MAX_VALUE ? System.nanoTime() : windowTo) - windowFrom;
    return "arrived=" + arrivedInWindow + " answers=" + answersInWindow + " windowNanos=" + windowNanos + " stamped=" + samples
        + " p50=" + percentile(sorted, 0.50) + " p99=" + percentile(sorted, 0.99)
        + " p999=" + percentile(sorted, 0.999) + " max=" + (samples == 0 ? -1 : sorted[samples - 1])
        + " answerBytes=" + firstAnswerBytes + " received=" + received;
  }

  private static long percentile(long[] sorted, double p) {
    return sorted.length == 0 ? -1 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  }

  synchronized void resetBroadcast() {
    broadcastsReceived = 0;
    broadcastSlowest = 0;
  }

  /** Waits for {@code count} broadcast arrivals; returns the slowest's latency so far in nanoseconds. */
  synchronized String awaitBroadcast(int count, long maxMillis) throws InterruptedException {
    long end = System.currentTimeMillis() + maxMillis;
    for (long left; broadcastsReceived < count && (left = end - System.currentTimeMillis()) > 0; ) {
      wait(left);
    }
    return "received=" + broadcastsReceived + " slowest=" + broadcastSlowest;
  }
}
