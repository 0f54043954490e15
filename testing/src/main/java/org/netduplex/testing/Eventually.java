package org.netduplex.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition another thread makes true, failing after a bound instead of hanging. */
public final class Eventually {
  private Eventually() {}

  /**
   * Waits up to 10 seconds for {@code condition}.
   *
   * @param what names the condition in the failure
   * @param condition checked every few milliseconds
   * @throws AssertionError if it is still false after 10 s, or the thread is interrupted
   */
  public static void await(String what, BooleanSupplier condition) {
    await(what, Duration.ofSeconds(10), condition);
  }

  /**
   * Waits up to {@code bound} for {@code condition}.
   *
   * @param what names the condition in the failure
   * @param bound how long to wait at most
   * @param condition checked every few milliseconds
   * @throws AssertionError if it is still false after {@code bound}, or the thread is interrupted
   */
  public static void await(String what, Duration bound, BooleanSupplier condition) {
    long deadline = System.nanoTime() + bound.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + bound + " waiting for: " + what);
      }
      Thread.onSpinWait();
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted waiting for: " + what);
      }
    }
  }
}
