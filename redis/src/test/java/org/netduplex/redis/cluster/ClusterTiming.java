package org.netduplex.redis.cluster;

import java.time.Duration;

/** The store's timings the failure tests' bounds are made of. */
final class ClusterTiming {
  /** How long after a node's last heartbeat another node requeues what it held: its lapse plus one reap interval. */
  static final Duration NODE_DEATH_NOTICED = Duration.ofSeconds(4);

  private ClusterTiming() {}
}
