package org.netduplex.redis.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netduplex.testing.Eventually;

/**
 * The rig itself, on one node in memory (no Redis): the node JVM starts behind the proxy, a real
 * client's session opens through it, a {@code send} command delivers the sequence, the listener's
 * events come back, and kill -9 leaves the proxy refusing.
 */
class ClusterRigTest {
  @Test
  void aNodeBehindTheProxySendsTheSequenceItIsToldToAndDiesOnKill9() throws Exception {
    try (ClusterRig rig = ClusterRig.start("rig-self-test", 1, List.of());
        SequencedClient client = new SequencedClient(7, rig.endpoint(), true).register()) {
      NodeProcess node = rig.node(1);
      Eventually.await("the session open on n1", () -> node.events().contains("opened " + client.sessionId()));

      String reply = node.call("send " + client.sessionId() + " 7 0 50 0", Duration.ofSeconds(20));
      client.awaitSeq(49, Duration.ofSeconds(20));

      assertTrue(reply.startsWith("sent=50 "), reply);
      Delivery d = client.delivery(50);
      assertEquals(0, d.lost(), d.toString());
      assertEquals(0, d.duplicates(), d.toString());
      assertEquals(0, d.reordered(), d.toString());
      assertEquals("1", node.call("open", Duration.ofSeconds(5)));
      assertThrows(IllegalStateException.class, () -> node.call("nonsense", Duration.ofSeconds(5)));

      rig.kill9(1);
      assertFalse(node.running());
      assertThrows(IllegalStateException.class, () -> node.call("open", Duration.ofSeconds(5)));
      Eventually.await("the proxy refusing the dead node", () -> rig.proxy().refused() > 0);
    }
  }
}
