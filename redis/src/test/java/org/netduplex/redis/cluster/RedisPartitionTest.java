package org.netduplex.redis.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netduplex.testing.RedisServer;
import org.netduplex.testing.RoundRobinProxy;

/**
 * Issue 14, failure test 3: one node cut off from Redis (a black hole: no byte either way, its
 * commands time out) for longer than its heartbeat, then healed. Meanwhile it fails what it is asked
 * fast (its clients retry elsewhere) and the others requeue what it held; after the heal its late
 * acknowledgements and requeues are fenced off (they name a lease that is no longer its), so nothing
 * is handed out twice beyond the answer it was writing, and it serves again.
 */
class RedisPartitionTest {
  private static final int CLIENTS = 3;
  private static final int MESSAGES = 300;
  private static final int AFTER_HEAL = 50;
  /** Longer than the heartbeat's lapse, so the node counts as dead while cut off. */
  private static final Duration CUT = ClusterTiming.NODE_DEATH_NOTICED.plusSeconds(1);

  @BeforeAll
  static void redisInstalled() {
    RedisServer.assumeInstalled();
  }

  @Test
  void aNodeCutOffFromRedisIsFencedAndServesAgainAfterTheHeal() throws Exception {
    try (RedisServer redis = RedisServer.builder().aof(true).start();
        RoundRobinProxy link = RoundRobinProxy.to(redis.port());
        ClusterFixture f = new ClusterFixture(ClusterRig.start("redis-partition", List.of(
            List.of("--redis", redis.uri()),
            List.of("--redis", "redis://127.0.0.1:" + link.port()),
            List.of("--redis", redis.uri()))))) {
      f.openClients(CLIENTS);
      f.sendFrom(f.rig.node(1), MESSAGES, 5);
      f.awaitAnyReceived(MESSAGES / 4);

      long cutAt = System.nanoTime();
      link.cut();
      f.awaitAnyReceived(MESSAGES / 2); // the other nodes keep delivering meanwhile
      long left = CUT.toNanos() - (System.nanoTime() - cutAt);
      if (left > 0) {
        Thread.sleep(left / 1_000_000); // a partition of a fixed length: real time is what is being tested
      }
      link.heal();
      long healedAt = System.nanoTime();
      f.awaitDelivered(MESSAGES, Duration.ofSeconds(60));

      // the healed node serves again: it sends the next numbers itself
      for (SequencedClient c : f.clients) {
        f.rig.node(2).call("send " + c.sessionId() + " " + c.clientId + " " + MESSAGES + " " + AFTER_HEAL + " 0",
            Duration.ofSeconds(30));
      }
      for (SequencedClient c : f.clients) {
        c.awaitSeq(MESSAGES + AFTER_HEAL - 1, Duration.ofSeconds(30));
      }

      List<Delivery> all = f.deliveries(MESSAGES + AFTER_HEAL);
      System.out.println("CLUSTER node cut off from Redis " + CUT.toMillis() + "ms, healed: " + Delivery.summary(all)
          + " sender-retries=" + f.senderRetries() + " stall-during-cut=" + f.longestStallAfter(cutAt).toMillis()
          + "ms stall-after-heal=" + f.longestStallAfter(healedAt).toMillis() + "ms clients=" + CLIENTS);
      // at most the answer per address the node was writing when cut off is handed out again
      f.assertDelivered(all, CLIENTS + f.senderRetries());
      assertTrue(f.longestStallAfter(cutAt).compareTo(CUT.plusSeconds(5)) < 0, "clients stalled through the cut");
    }
  }
}
