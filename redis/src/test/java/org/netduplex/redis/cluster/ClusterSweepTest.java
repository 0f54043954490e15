package org.netduplex.redis.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netduplex.testing.Eventually;
import org.netduplex.testing.RedisServer;
import org.netduplex.testing.SoapHttp;
import org.netduplex.testing.WireClient;

/**
 * Issue 14, failure test 6: three nodes sweep one set of sessions for inactivity at once. Each
 * session is ended by exactly one of them (the nodes' {@code sessionsEnded} add up to the sessions),
 * opened once, on one node, and no node's listener hears of an end twice; the node that opened a
 * session (its service holds the handle) hears of its end, with the reason INACTIVITY_TIMEOUT,
 * whichever node swept it (docs/protocol.md section 18, "Ends reach every node").
 */
class ClusterSweepTest {
  private static final int SESSIONS = 12;
  private static final Duration INACTIVITY = Duration.ofSeconds(2);
  private static final Pattern ENDED = Pattern.compile("sessionsEnded=(\\d+)");

  @BeforeAll
  static void redisInstalled() {
    RedisServer.assumeInstalled();
  }

  @Test
  void threeNodesSweepingEndEachSessionExactlyOnce() throws Exception {
    try (RedisServer redis = RedisServer.builder().aof(true).start();
        ClusterRig rig = ClusterRig.start("cluster-sweep", 3,
            List.of("--redis", redis.uri(), "--inactivity-timeout-ms", String.valueOf(INACTIVITY.toMillis())))) {
      SoapHttp balanced = new SoapHttp(rig.endpoint());
      List<WireClient> clients = new ArrayList<>();
      long openedAt = System.nanoTime();
      for (int i = 0; i < SESSIONS; i++) {
        WireClient c = WireClient.random();
        clients.add(c);
        assertEquals(200, balanced.post(WireClient.REGISTER, c.register()).statusCode()); // then silent: no poll
      }

      Eventually.await("every session swept", Duration.ofSeconds(30), () -> swept(rig) >= SESSIONS);
      for (WireClient c : clients) {
        Eventually.await("the opener of " + c.sessionId + " told of its end", Duration.ofSeconds(10),
            () -> opener(rig, c).map(n -> endsOf(n, c).size() == 1).orElse(false));
      }
      Duration endedWithin = Duration.ofNanos(System.nanoTime() - openedAt);
      // a second end would come from a sweep racing the first (every 200 ms here): watch a while longer
      Thread.sleep(1_500);

      StringBuilder perNode = new StringBuilder();
      for (NodeProcess n : rig.nodes()) {
        perNode.append(' ').append(n.nodeId()).append('=').append(sessionsEnded(n));
      }
      List<String> events = rig.events();
      System.out.println("CLUSTER three nodes sweeping " + SESSIONS + " sessions (inactivity " + INACTIVITY.toMillis()
          + "ms): ended-by" + perNode + " total=" + swept(rig) + " listener-calls="
          + events.stream().filter(e -> e.contains(" ended ")).count() + " all-ended-within=" + endedWithin.toMillis() + "ms");
      for (WireClient c : clients) {
        assertEquals(1, events.stream().filter(e -> e.endsWith(" opened " + c.sessionId)).count(),
            "opened once in the cluster: " + events);
        assertEquals(List.of("ended " + c.sessionId + " INACTIVITY_TIMEOUT"), endsOf(opener(rig, c).orElseThrow(), c));
        for (NodeProcess n : rig.nodes()) {
          assertTrue(endsOf(n, c).size() <= 1, n.nodeId() + " heard twice of " + c.sessionId + ": " + endsOf(n, c));
        }
      }
      assertEquals(SESSIONS, swept(rig), "each session ended by exactly one node:" + perNode);
    }
  }

  private static Optional<NodeProcess> opener(ClusterRig rig, WireClient c) {
    return rig.nodes().stream().filter(n -> n.events().contains("opened " + c.sessionId)).findFirst();
  }

  private static List<String> endsOf(NodeProcess n, WireClient c) {
    return n.events().stream().filter(e -> e.startsWith("ended " + c.sessionId)).toList();
  }

  private static long swept(ClusterRig rig) {
    return rig.nodes().stream().mapToLong(ClusterSweepTest::sessionsEnded).sum();
  }

  /** The sessions this node's sweeps ended (its {@code DuplexMetrics.sessionsEnded}). */
  private static long sessionsEnded(NodeProcess n) {
    Matcher m = ENDED.matcher(n.call("metrics", Duration.ofSeconds(10)));
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }
}
