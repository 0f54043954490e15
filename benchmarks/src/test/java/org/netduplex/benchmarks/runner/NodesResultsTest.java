package org.netduplex.benchmarks.runner;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the nodes table says a Redis setup adds: the median of the differences taken within a repeat. */
class NodesResultsTest {
  @Test
  void theAddedLatencyIsTakenWithinEachRepeat() {
    NodesResults r = new NodesResults();
    // Repeat 1 ran on a busier machine: every setup slower, the difference the same.
    r.add("p50", "ms", Setup.MEMORY, 0, 2.0);
    r.add("p50", "ms", Setup.REDIS, 0, 3.0);
    r.add("p50", "ms", Setup.REDIS_THREE, 0, 4.0);
    r.add("p50", "ms", Setup.MEMORY, 1, 1.0);
    r.add("p50", "ms", Setup.REDIS, 1, 2.0);
    r.add("p50", "ms", Setup.REDIS_THREE, 1, 3.0);
    String table = r.markdown();
    assertTrue(table.contains("| p50 | ms | 1.50 (1.00–2.00) | 2.50 (2.00–3.00) | 3.50 (3.00–4.00) | +1.00 (1.75×) | +2.00 (2.50×) |"),
        table);
  }

  @Test
  void aSetupWithoutFiguresShowsADash() {
    NodesResults r = new NodesResults();
    r.add("p50", "ms", Setup.MEMORY, 0, 0.5);
    assertTrue(r.markdown().contains("| p50 | ms | 0.500 | — | — | — | — |"), r.markdown());
  }
}
