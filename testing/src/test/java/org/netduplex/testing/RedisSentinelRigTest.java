package org.netduplex.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Three real Sentinels fail a killed primary over to its replica, which kept what was replicated. */
class RedisSentinelRigTest {
  @BeforeAll
  static void redisInstalled() {
    RedisServer.assumeInstalled();
  }

  @Test
  void killingThePrimaryPromotesTheReplicaWithItsData() throws Exception {
    try (RedisSentinelRig rig = RedisSentinelRig.start()) {
      RedisServer first = rig.primary();
      assertEquals(rig.servers().get(0), first);
      assertTrue(rig.sentinelUri().matches(
          "redis-sentinel://127\\.0\\.0\\.1:\\d+,127\\.0\\.0\\.1:\\d+,127\\.0\\.0\\.1:\\d+#mymaster"), rig.sentinelUri());
      first.cli("SET", "k", "replicated");
      assertEquals(1L, first.cli("WAIT", "1", "2000"), "the replica acknowledged the write");

      RedisServer killed = rig.killPrimary();
      Duration failover = rig.awaitNewPrimary();

      RedisServer promoted = rig.primary();
      assertEquals(first, killed);
      assertNotEquals(killed, promoted);
      assertEquals("master", promoted.info("replication", "role"));
      assertEquals("replicated", promoted.cli("GET", "k"));
      assertTrue(failover.compareTo(Duration.ofSeconds(1)) > 0, "not before down-after-milliseconds: " + failover);
      System.out.println("RedisSentinelRigTest failover " + failover.toMillis() + " ms");
    }
  }
}
