package org.netduplex.redis;

import org.netduplex.testing.RedisServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netduplex.testing.Eventually;
import org.netduplex.testing.WireClient;

/**
 * Acknowledged delivery (docs/protocol.md section 15) with the in-flight list in Redis: a message
 * one node sent is resent, with its number, by the other node's next poll until the client acks it.
 */
class AcknowledgedAcrossNodesTest {
  private static final Pattern SEQUENCE = Pattern.compile(
      "<nda:Sequence xmlns:nda=\"urn:netduplex:delivery\" stream=\"([^\"]+)\">(\\d+)</nda:Sequence>");
  private static RedisServer redis;
  private final String prefix = "nd" + UUID.randomUUID().toString().substring(0, 8);
  private final List<RedisNode> nodes = new ArrayList<>();
  private RedisNode n1;
  private RedisNode n2;

  @BeforeAll
  static void startRedis() throws Exception {
    RedisServer.assumeInstalled(); // skipped without redis-server, unless NETDUPLEX_REQUIRE_REDIS=1
    redis = RedisServer.builder().aof(true).start();
  }

  @AfterAll
  static void stopRedis() throws Exception {
    redis.close();
  }

  @BeforeEach
  void twoNodes() {
    for (String id : List.of("n1", "n2")) {
      nodes.add(new RedisNode(redis.uri(), id, prefix, c -> c.pollTimeout(Duration.ofSeconds(1))));
    }
    n1 = nodes.get(0);
    n2 = nodes.get(1);
  }

  @AfterEach
  void stopNodes() {
    nodes.forEach(RedisNode::close);
  }

  private static String poll(WireClient client, String ack) {
    return client.makeConnection().replace("<s:Body>", "<s:Header>" + ack + "</s:Header><s:Body>");
  }

  private static String ack(String stream, long n) {
    return "<nda:Ack xmlns:nda=\"urn:netduplex:delivery\"" + (stream == null ? "" : " stream=\"" + stream + "\"")
        + ">" + n + "</nda:Ack>";
  }

  @Test
  void aMessageSentByOneNodeIsResentByTheOtherUntilAcked() {
    WireClient client = WireClient.random();
    n1.http.post(WireClient.REGISTER, client.register());
    Eventually.await("Register's quote queued",
        () -> n2.feature.session(client.sessionId).map(s -> s.queuedMessages() == 1).orElse(false));
    n2.http.post(WireClient.SYNC, client.sync("SECOND", "n"));
    Eventually.await("both queued", () -> n1.feature.session(client.sessionId).orElseThrow().queuedMessages() == 2);

    String first = n1.http.post(WireClient.MAKE_CONNECTION, poll(client, ack(null, 0))).body();
    Matcher m = SEQUENCE.matcher(first);
    assertTrue(m.find(), first);
    String stream = m.group(1);
    assertEquals("1", m.group(2));
    String again = n2.http.post(WireClient.MAKE_CONNECTION, poll(client, ack(stream, 0))).body(); // the answer was lost
    String next = n1.http.post(WireClient.MAKE_CONNECTION, poll(client, ack(stream, 1))).body();

    assertEquals(first, again, "resent as it was, same number, by the other node");
    assertTrue(next.contains("<Symbol>SECOND</Symbol>"), next);
    assertTrue(next.contains("stream=\"" + stream + "\">2</nda:Sequence>"), next);
    assertEquals(1, n1.feature.metrics().messagesDelivered() + n2.feature.metrics().messagesDelivered(),
        "only the acked one counts");
  }

  @Test
  void aCloseCarryingTheAckOnTheOtherNodeEndsTheHalfClosedSession() {
    WireClient client = WireClient.random();
    n1.http.post(WireClient.REGISTER, client.register());
    String first = n1.http.post(WireClient.MAKE_CONNECTION, poll(client, ack(null, 0))).body();
    Matcher m = SEQUENCE.matcher(first);
    assertTrue(m.find(), first);

    String close = WireClient.envelope(client.duplexHeader().replace("</netdx:Duplex>", "<netdx:CloseSession/></netdx:Duplex>")
        + ack(m.group(1), 1), "");
    assertEquals(200, n2.http.post(WireClient.REGISTER, close).statusCode());

    assertEquals(0, n2.feature.metrics().openSessions());
    assertEquals(1, n2.feature.metrics().messagesDelivered());
  }
}
