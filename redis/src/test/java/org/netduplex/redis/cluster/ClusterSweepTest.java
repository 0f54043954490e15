package org.netduplex.redis.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * session is ended by exactly one of them (its {@code sessionsEnded} counts it), and every node's
 * listener hears of each end once (a service on any node may hold the handle), with the reason
 * INACTIVITY_TIMEOUT; each session opened once, on one node.
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

      Eventually.await("every node told of every end", Duration.ofSeconds(30),
          () -> rig.nodes().stream().allMatch(n -> n.events().stream().filter(e -> e.startsWith("ended ")).count() >= SESSIONS));
      Duration endedWithin = Duration.ofNanos(System.nanoTime() - openedAt);
      // a second end would come from a sweep racing the first (every 200 ms here): watch a while longer
      Thread.sleep(1_500);

      long sweptInAll = 0;
      StringBuilder perNode = new StringBuilder();
      for (NodeProcess n : rig.nodes()) {
        Matcher m = ENDED.matcher(n.call("metrics", Duration.ofSeconds(5)));
        long swept = m.find() ? Long.parseLong(m.group(1)) : -1;
        sweptInAll += swept;
        perNode.append(' ').append(n.nodeId()).append('=').append(swept);
      }
      List<String> events = rig.events();
      System.out.println("CLUSTER three nodes sweeping " + SESSIONS + " sessions (inactivity " + INACTIVITY.toMillis()
          + "ms): ended-by" + perNode + " total=" + sweptInAll + " all-ended-within=" + endedWithin.toMillis() + "ms");
      for (WireClient c : clients) {
        assertEquals(1, events.stream().filter(e -> e.endsWith(" opened " + c.sessionId)).count(),
            "opened once in the cluster: " + events);
        for (NodeProcess n : rig.nodes()) {
          assertEquals(List.of("ended " + c.sessionId + " INACTIVITY_TIMEOUT"),
              n.events().stream().filter(e -> e.startsWith("ended " + c.sessionId)).toList(), n.nodeId() + "'s listener");
        }
      }
      assertEquals(SESSIONS, sweptInAll, "each session ended by exactly one node:" + perNode);
    }
  }
}
