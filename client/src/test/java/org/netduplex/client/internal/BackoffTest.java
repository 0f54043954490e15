package org.netduplex.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void delaysDoubleUpToTheCapAndJitterStaysWithinTheUpperHalf() {
    Backoff highest = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), bound -> bound - 1);
    Backoff lowest = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), bound -> 0);

    long[] expectedCeilingsMs = {100, 200, 400, 800, 1000, 1000};
    for (long ceiling : expectedCeilingsMs) {
      assertEquals(Duration.ofMillis(ceiling), highest.next());
      assertEquals(Duration.ofMillis(ceiling / 2), lowest.next());
    }
  }

  @Test
  void resetStartsOverAndManyFailuresNeverOverflow() {
    Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), bound -> bound - 1);
    for (int i = 0; i < 200; i++) {
      b.next();
    }
    assertEquals(Duration.ofSeconds(10), b.next());
    b.reset();
    assertEquals(Duration.ofMillis(100), b.next());
  }
}
