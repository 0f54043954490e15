package org.netduplex.benchmarks.runner;

/** The three setups of the nodes suite (issue #14), in the order of the table's columns. */
enum Setup {
  /** One node, the default in-memory store: the baseline. */
  MEMORY("1 node, in memory", 1, false),
  /** One node on Redis: what the store adds. */
  REDIS("1 node, Redis", 1, true),
  /** Three nodes on one Redis: what spreading one set of sessions over nodes adds. */
  REDIS_THREE("3 nodes, Redis", 3, true);

  final String label;
  final int nodes;
  final boolean redis;

  Setup(String label, int nodes, boolean redis) {
    this.label = label;
    this.nodes = nodes;
    this.redis = redis;
  }
}
