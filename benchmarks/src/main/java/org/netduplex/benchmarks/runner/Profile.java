package org.netduplex.benchmarks.runner;

import java.util.List;

/**
 * How much a run measures. Each load phase starts a fresh JVM, so it first runs one message per poll
 * unmeasured for {@code phaseWarmupSeconds} (JIT compilation would otherwise be charged to the first
 * measure), then each measure has its own {@code warmupSeconds} before its {@code windowSeconds}. {@code full} is the measurement (the lead runs it on a quiet
 * machine); {@code quick} finishes in a few minutes; {@code smoke} only checks that the harness works
 * (seconds per server, low load: safe while others build); {@code encode} is the before/after check of
 * one change to the answer path (three broadcasts to 1,000 and one message per poll, no rates and no
 * batches: about two and a half minutes for one server on the loaded machine). A {@code batchCredit}
 * of 0 skips the batched phase.
 */
record Profile(
    String name,
    int repeats,
    List<Step> parkedSteps,
    int loadSessions,
    int phaseWarmupSeconds,
    int warmupSeconds,
    int windowSeconds,
    List<Integer> rates,
    int batchCredit) {

  /** A ramp step: open sessions up to {@code sessions}, then measure the footprint and/or broadcast. */
  record Step(int sessions, boolean footprint, boolean broadcast) {}

  static Profile named(String name) {
    return switch (name) {
      case "full" -> new Profile("full", 3,
          List.of(new Step(1_000, false, true), new Step(5_000, true, true), new Step(10_000, false, true),
              new Step(15_000, true, false)),
          1_000, 10, 2, 8, List.of(500, 1_000, 2_000, 5_000), 20);
      case "quick" -> new Profile("quick", 1,
          List.of(new Step(1_000, false, true), new Step(5_000, true, true)),
          1_000, 5, 2, 5, List.of(500, 1_000, 2_000, 5_000), 20);
      case "encode" -> new Profile("encode", 1,
          List.of(new Step(1_000, false, true), new Step(1_000, false, true), new Step(1_000, false, true)),
          1_000, 4, 2, 6, List.of(), 0);
      case "smoke" -> new Profile("smoke", 1,
          List.of(new Step(200, true, true)),
          100, 1, 1, 2, List.of(100), 20);
      default -> throw new IllegalArgumentException("no profile " + name + ": full, quick, smoke or encode");
    };
  }
}
