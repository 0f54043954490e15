package org.netduplex.benchmarks.runner;

import java.util.List;

/**
 * How much the nodes suite measures. Latency: {@code loadSessions} sessions through the balancer, one
 * unmeasured warm-up of {@code phaseWarmupSeconds} at the first rate, then at each offered rate a
 * {@code warmupSeconds} lead-in and a {@code windowSeconds} window. Capacity: {@code capacityNodes}
 * nodes on one Redis, one load generator each, opened {@code capacityStep} sessions a node at a time
 * until {@code capacityTarget} are parked or something gives out.
 */
record NodesProfile(
    String name,
    int repeats,
    int loadSessions,
    int phaseWarmupSeconds,
    int warmupSeconds,
    int windowSeconds,
    List<Integer> rates,
    int capacityNodes,
    int capacityStep,
    int capacityTarget) {

  static NodesProfile named(String name) {
    return switch (name) {
      // 6 nodes of 17,000 each stay under the 20,000 descriptors of a node and of its generator.
      case "full" -> new NodesProfile("full", 3, 1_000, 10, 2, 8, List.of(100, 500, 1_000), 6, 2_500, 100_000);
      case "quick" -> new NodesProfile("quick", 1, 500, 3, 2, 5, List.of(100, 500), 2, 2_500, 10_000);
      case "smoke" -> new NodesProfile("smoke", 1, 50, 1, 1, 2, List.of(100), 2, 100, 200);
      default -> throw new IllegalArgumentException("no profile " + name + ": full, quick or smoke");
    };
  }
}
