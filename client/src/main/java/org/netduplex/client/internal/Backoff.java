package org.netduplex.client.internal;

import java.time.Duration;
import java.util.function.LongUnaryOperator;

/**
 * Capped exponential backoff with "equal jitter": the n-th retry waits between half and all of
 * {@code min(max, initial * 2^(n-1))}, so a server restart does not see every client at once.
 */
public final class Backoff {
  private final long initialNanos;
  private final long maxNanos;
  private final LongUnaryOperator random;
  private int failures;

  /** {@code random} returns a value in [0, bound) for a bound: injectable so tests are exact. */
  public Backoff(Duration initial, Duration max, LongUnaryOperator random) {
    this.initialNanos = initial.toNanos();
    this.maxNanos = max.toNanos();
    this.random = random;
  }

  /** The delay before the next retry; each call counts one more failure. */
  public synchronized Duration next() {
    failures++;
    int shift = Math.min(failures - 1, 30);
    long ceiling = initialNanos > (maxNanos >> shift) ? maxNanos : Math.min(maxNanos, initialNanos << shift);
    long half = ceiling / 2;
    return Duration.ofNanos(half + random.applyAsLong(ceiling - half + 1));
  }

  public synchronized void reset() {
    failures = 0;
  }

  public synchronized int failures() {
    return failures;
  }
}
