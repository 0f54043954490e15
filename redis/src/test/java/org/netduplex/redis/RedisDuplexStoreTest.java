package org.netduplex.redis;

import org.netduplex.testing.RedisServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.DuplexStore;
import org.netduplex.server.PollingDuplexFeature;

/** The public builder: its checks, and the README's lines, run as written. */
class RedisDuplexStoreTest {
  private static RedisServer redis;

  @BeforeAll
  static void startRedis() throws Exception {
    RedisServer.assumeInstalled(); // skipped without redis-server, unless NETDUPLEX_REQUIRE_REDIS=1
    redis = RedisServer.builder().aof(true).start();
  }

  @AfterAll
  static void stopRedis() throws Exception {
    redis.close();
  }

  @Test
  void theReadmeLinesMakeAnEndpointOnRedis() {
    String redisUri = redis.uri();
    String nodeId = "node-1";
    // README:redis-begin
    DuplexStore store = RedisDuplexStore.builder(redisUri).nodeId(nodeId).build();
    DuplexServerConfig config = DuplexServerConfig.builder().store(store).build();
    // README:redis-end
    PollingDuplexFeature feature = new PollingDuplexFeature(config);
    assertEquals(0, feature.metrics().openSessions());
    feature.close();
  }

  @Test
  void theReadmeShowsTheseLines() throws Exception {
    Path root = Path.of("").toAbsolutePath();
    while (!Files.exists(root.resolve("README.md"))) {
      root = root.getParent();
    }
    String readme = Files.readString(root.resolve("README.md"));
    List<String> region = new ArrayList<>();
    boolean inside = false;
    for (String line : Files.readAllLines(root.resolve("redis/src/test/java/org/netduplex/redis/RedisDuplexStoreTest.java"))) {
      if (line.trim().equals("// README:redis-end")) {
        inside = false;
      } else if (inside) {
        region.add(line.strip());
      } else if (line.trim().equals("// README:redis-begin")) {
        inside = true;
      }
    }
    assertTrue(readme.contains(String.join("\n", region)), "README's Redis lines differ from this test's");
  }

  @Test
  void badSettingsAreRefusedByName() {
    RedisDuplexStore.Builder b = RedisDuplexStore.builder(redis.uri());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> b.nodeId("a b")).getMessage().contains("node id"));
    assertThrows(IllegalArgumentException.class, () -> b.keyPrefix(""));
    assertThrows(IllegalArgumentException.class, () -> b.leaseTime(Duration.ofMillis(10)));
    assertThrows(IllegalArgumentException.class, () -> b.commandTimeout(Duration.ZERO));
  }

  @Test
  void anUnreachableRedisFailsTheBuildAtOnce() {
    assertThrows(io.lettuce.core.RedisConnectionException.class,
        () -> RedisDuplexStore.builder("redis://127.0.0.1:1").build());
  }
}
