package org.netduplex.redis.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netduplex.testing.Eventually;
import org.netduplex.testing.RedisServer;

/**
 * Issue 14, failure test 4: Redis drops every node's pub/sub connection ({@code CLIENT KILL TYPE
 * pubsub}) again and again while callbacks flow. A wake-up is only a hint: a parked poll whose hint
 * was lost takes its message on the resubscribe or at its timeout, so nothing is lost and nothing
 * waits much longer than a poll timeout.
 */
class PubSubLossTest {
  private static final int CLIENTS = 3;
  private static final int MESSAGES = 300;
  private static final int KILLS = 5;

  @BeforeAll
  static void redisInstalled() {
    RedisServer.assumeInstalled();
  }

  @Test
  void pubSubConnectionsKilledRepeatedlyLoseNoMessage() throws Exception {
    try (RedisServer redis = RedisServer.builder().aof(true).start();
        ClusterFixture f = new ClusterFixture(ClusterRig.start("pubsub-kill", 3, List.of("--redis", redis.uri())))) {
      f.openClients(CLIENTS);
      Eventually.await("three subscribers", () -> subscribers(redis) >= 3);
      f.sendFrom(f.rig.node(1), MESSAGES, 10);
      f.awaitAnyReceived(MESSAGES / 10);

      long firstKillAt = System.nanoTime();
      long killed = 0;
      for (int i = 0; i < KILLS; i++) {
        killed += (Long) redis.cli("CLIENT", "KILL", "TYPE", "pubsub");
        int before = f.clients.get(0).receivedCount();
        Eventually.await("delivery after kill " + (i + 1), Duration.ofSeconds(10),
            () -> f.clients.get(0).receivedCount() > before + 20 || f.clients.get(0).receivedCount() >= MESSAGES);
      }
      f.awaitDelivered(MESSAGES, Duration.ofSeconds(60));

      List<Delivery> all = f.deliveries(MESSAGES);
      Duration stall = f.longestStallAfter(firstKillAt);
      System.out.println("CLUSTER pub/sub connections killed " + KILLS + "x (" + killed + " connections): "
          + Delivery.summary(all) + " sender-retries=" + f.senderRetries() + " longest-stall=" + stall.toMillis()
          + "ms clients=" + CLIENTS);
      assertTrue(killed >= KILLS, "CLIENT KILL found no subscriber to kill");
      f.assertDelivered(all, f.senderRetries()); // no node died: nothing is redelivered
      assertTrue(stall.compareTo(SequencedClient.SERVER_POLL_TIMEOUT.plusSeconds(2)) < 0,
          "a lost wake-up stalled delivery " + stall + ", past the poll timeout's take");
    }
  }

  private static int subscribers(RedisServer redis) {
    int n = 0;
    for (String line : ((String) redis.cli("CLIENT", "LIST", "TYPE", "pubsub")).split("\n")) {
      n += line.isBlank() ? 0 : 1;
    }
    return n;
  }
}
