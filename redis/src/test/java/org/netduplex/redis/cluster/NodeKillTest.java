package org.netduplex.redis.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netduplex.testing.RedisServer;

/**
 * Issue 14, failure test 1: a node killed with SIGKILL while its polls and answers are in flight
 * loses nothing. Its clients' next polls land on the other nodes; what it had taken and not
 * acknowledged goes back to the head of its queue when the other nodes find its heartbeat gone.
 */
class NodeKillTest {
  private static final int CLIENTS = 4;
  private static final int MESSAGES = 400;
  /**
   * A dead node's in-flight answer is requeued once its heartbeat lapses and a reaper runs; the client's
   * poll parked meanwhile (in order, behind it) is woken at once, or at worst answered after a poll
   * timeout and sent again. Heartbeat and reap as the store's defaults, plus a poll timeout, the
   * client's poll timeout for a poll lost with the node, and the client's backoff.
   */
  private static final Duration RESUME_BOUND = ClusterTiming.NODE_DEATH_NOTICED
      .plus(SequencedClient.SERVER_POLL_TIMEOUT).plusSeconds(2).plusMillis(500);

  @BeforeAll
  static void redisInstalled() {
    RedisServer.assumeInstalled();
  }

  @Test
  void aNodeKilledMidDeliveryLosesNothingAndDeliveryResumesWithinHeartbeatAndPollTimeout() throws Exception {
    try (RedisServer redis = RedisServer.builder().aof(true).start();
        ClusterFixture f = new ClusterFixture(ClusterRig.start("node-kill", 3, List.of("--redis", redis.uri())))) {
      f.openClients(CLIENTS);
      f.sendFrom(f.rig.node(1), MESSAGES, 5);
      f.awaitAnyReceived(MESSAGES / 4);

      long killedAt = System.nanoTime();
      f.rig.kill9(2);
      f.awaitDelivered(MESSAGES, Duration.ofSeconds(60));

      List<Delivery> all = f.deliveries(MESSAGES);
      Duration resume = f.longestStallAfter(killedAt);
      System.out.println("CLUSTER kill -9 node: " + Delivery.summary(all) + " sender-retries=" + f.senderRetries()
          + " resumed-within=" + resume.toMillis() + "ms clients=" + CLIENTS + " nodes=3");
      // at most one answer per address was being written when the node died: redelivered once
      f.assertDelivered(all, CLIENTS + f.senderRetries());
      assertTrue(resume.compareTo(RESUME_BOUND) < 0, "delivery stalled " + resume + " > " + RESUME_BOUND);
    }
  }
}
