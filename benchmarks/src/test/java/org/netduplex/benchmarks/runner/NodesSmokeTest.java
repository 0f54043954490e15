package org.netduplex.benchmarks.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netduplex.benchmarks.Controlled;
import org.netduplex.benchmarks.Kind;
import org.netduplex.benchmarks.Padding;
import org.netduplex.benchmarks.load.LoadMain;
import org.netduplex.benchmarks.proxy.ProxyMain;
import org.netduplex.benchmarks.server.ServerMain;
import org.netduplex.redis.RedisDuplexStore;
import org.netduplex.testing.Eventually;

/**
 * The nodes suite's pieces against real servers, in-process and small: sessions opened through the
 * round-robin balancer park on the nodes, every node's producer sends at a rate, every message
 * arrives stamped at the padded size. On the in-memory store with one node always; on a real
 * redis-server (started here) with two nodes where redis-server is installed, as {@code .ci/run}
 * installs it. A check that the suite measures what it says, not a measurement (BENCHMARK.md, "Nodes").
 */
class NodesSmokeTest {
  @TempDir
  Path dir;

  @Test
  void oneInMemoryNodeBehindTheBalancerDeliversEveryMessage() throws Exception {
    int port = freePort();
    try (Controlled node = ServerMain.startNode(port, Padding.of(Kind.NETDUPLEX), null)) {
      deliverThroughTheBalancer(List.of(node), List.of(port));
    }
  }

  @Test
  void twoNodesOnRedisShareTheSessionsOneBalancerSpreads() throws Exception {
    assumeTrue(RedisProcess.installed(), "redis-server is not installed");
    try (RedisProcess redis = RedisProcess.start(dir)) {
      long idle = redis.usedMemory();
      List<Controlled> nodes = new ArrayList<>();
      List<Integer> ports = new ArrayList<>();
      try {
        for (int i = 1; i <= 2; i++) {
          int port = freePort();
          ports.add(port);
          nodes.add(ServerMain.startNode(port, Padding.of(Kind.NETDUPLEX),
              RedisDuplexStore.builder(redis.uri()).nodeId("node-" + i).keyPrefix("smoke").build()));
        }
        deliverThroughTheBalancer(nodes, ports);
        for (Controlled node : nodes) {
          assertTrue(value(node, "parked", "sessions") > 0, "the balancer gave each node some registrations");
        }
        assertTrue(redis.usedMemory() > idle, "the sessions are in Redis");
      } finally {
        nodes.forEach(Controlled::close);
      }
    }
  }

  /** Four sessions through a balancer over {@code nodes}: all park, then 40 messages all arrive. */
  private static void deliverThroughTheBalancer(List<Controlled> nodes, List<Integer> ports) throws Exception {
    // The load generator closes first, so no poll of it outlives the nodes.
    try (Controlled proxy = ProxyMain.start(0, ports); Controlled load = LoadMain.start()) {
      int proxyPort = (int) value(proxy, "stats", "port");
      assertEquals("OK sessions=4 failed=0", load.answer("open " + Kind.NETDUPLEX + " " + proxyPort + " 4 0"));
      Eventually.await("four polls parked across the nodes", () -> value(load, "state", "inFlight") == 4
          && nodes.stream().mapToLong(n -> value(n, "parked", "parked")).sum() == 4);

      ok(load.answer("mark"));
      for (Controlled node : nodes) {
        ok(node.answer("rate 50"));
      }
      Eventually.await("some messages", () -> value(load, "report", "arrived") >= 20);
      long sent = 0;
      for (Controlled node : nodes) {
        sent += value(node, "stop", "sent");
      }
      ok(load.answer("endmark"));
      assertEquals(sent, value(load, "drain " + sent + " 10000", "received"), "every message sent arrived");
      assertEquals(Padding.ANSWER_BYTES, value(load, "report", "answerBytes"), "one-message answer size");
      assertTrue(value(load, "report", "p99") > 0, "latency measured from the stamp");
      assertTrue(value(proxy, "stats", "accepted") >= 1, "the clients went through the balancer");
    }
  }

  private static void ok(String reply) {
    assertTrue(reply.startsWith("OK"), reply);
  }

  private static long value(Controlled c, String command, String key) {
    Map<String, Long> values = new HashMap<>();
    String reply = c.answer(command);
    ok(reply);
    for (String word : reply.split("\\s+")) {
      String[] kv = word.split("=", 2);
      if (kv.length == 2 && kv[1].matches("-?\\d+")) {
        values.put(kv[0], Long.parseLong(kv[1]));
      }
    }
    assertTrue(values.containsKey(key), key + " in " + reply);
    return values.get(key);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
