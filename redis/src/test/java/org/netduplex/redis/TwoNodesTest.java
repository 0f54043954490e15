package org.netduplex.redis;

import org.netduplex.testing.RedisServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.DuplexSession;
import org.netduplex.server.DuplexSessionListener;
import org.netduplex.server.SessionEndReason;
import org.netduplex.testing.Eventually;
import org.netduplex.testing.WireClient;

/**
 * Two nodes (two engines, each on its own CXF embedded Jetty) sharing one real redis-server, driven
 * over HTTP as a client behind a round-robin balancer would be: calls and polls land on either node.
 */
class TwoNodesTest {
  private static final Pattern SYMBOL = Pattern.compile("<Symbol>([^<]*)</Symbol>");
  private static RedisServer redis;
  private final String prefix = "nd" + UUID.randomUUID().toString().substring(0, 8);
  private final List<String> ended1 = new CopyOnWriteArrayList<>();
  private final List<String> ended2 = new CopyOnWriteArrayList<>();
  private final List<RedisNode> nodes = new ArrayList<>();

  @BeforeAll
  static void startRedis() throws Exception {
    RedisServer.assumeInstalled(); // skipped without redis-server, unless NETDUPLEX_REQUIRE_REDIS=1
    redis = RedisServer.builder().aof(true).start();
  }

  @AfterAll
  static void stopRedis() throws Exception {
    redis.close();
  }

  @AfterEach
  void stopNodes() {
    nodes.forEach(RedisNode::close);
  }

  private RedisNode node(String id, List<String> ended) {
    RedisNode n = new RedisNode(redis.uri(), id, prefix, c -> c
        .pollTimeout(Duration.ofSeconds(1))
        .listener(new DuplexSessionListener() {
          @Override
          public void sessionEnded(DuplexSession session, SessionEndReason reason) {
            ended.add(session.id() + " " + reason);
          }
        }));
    nodes.add(n);
    return n;
  }

  private static List<String> symbols(HttpResponse<String> answer) {
    List<String> out = new ArrayList<>();
    Matcher m = SYMBOL.matcher(answer.body());
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void callsAndPollsAlternatingBetweenNodesGetEveryCallbackOnceAndInOrder() {
    RedisNode[] two = {node("n1", ended1), node("n2", ended2)};
    WireClient client = WireClient.random();
    int count = 40;
    List<String> received = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      assertEquals(200, two[i % 2].http.post(WireClient.SYNC, client.sync("S" + i, "n")).statusCode());
      HttpResponse<String> poll = two[(i + 1) % 2].http.post(WireClient.MAKE_CONNECTION, client.makeConnection());
      assertEquals(200, poll.statusCode(), poll.body());
      received.addAll(symbols(poll));
    }
    for (int i = 0; received.size() < count && i < 2 * count; i++) { // the last ones may come on later polls
      received.addAll(symbols(two[i % 2].http.post(WireClient.MAKE_CONNECTION, client.makeConnection())));
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      expected.add("S" + i);
    }
    assertEquals(expected, received);
  }

  @Test
  void aPollParkedOnOneNodeIsWokenByACallbackQueuedOnTheOther() {
    RedisNode n1 = node("n1", ended1);
    RedisNode n2 = node("n2", ended2);
    WireClient client = WireClient.random();
    n1.http.post(WireClient.REGISTER, client.register());
    assertEquals(List.of("AAHH"), symbols(n2.http.post(WireClient.MAKE_CONNECTION, client.makeConnection())));
    var parked = n1.http.postAsync(WireClient.MAKE_CONNECTION, client.makeConnection());
    Eventually.await("poll parked on n1", () -> n1.feature.metrics().parkedPolls() == 1);
    n2.http.post(WireClient.SYNC, client.sync("WOKEN", "n"));
    assertEquals(List.of("WOKEN"), symbols(parked.join()));
  }

  @Test
  void aNodeClosedCleanlyLeavesItsSessionsAlive() {
    RedisNode n1 = node("n1", ended1);
    RedisNode n2 = node("n2", ended2);
    WireClient client = WireClient.random();
    n1.http.post(WireClient.REGISTER, client.register());
    Eventually.await("Register's quote queued", () -> n2.feature.session(client.sessionId).map(s -> s.queuedMessages() == 1).orElse(false));
    n1.close();
    assertEquals(List.of("AAHH"), symbols(n2.http.post(WireClient.MAKE_CONNECTION, client.makeConnection())));
    assertEquals(200, n2.http.post(WireClient.SYNC, client.sync("AFTER", "n")).statusCode());
    assertEquals(List.of("AFTER"), symbols(n2.http.post(WireClient.MAKE_CONNECTION, client.makeConnection())));
    assertEquals(List.of(), ended1);
    assertEquals(List.of(), ended2);
  }

  @Test
  void aSessionEndedOnOneNodeIsToldToTheOthersListeners() {
    RedisNode n1 = node("n1", ended1);
    RedisNode n2 = node("n2", ended2);
    WireClient client = WireClient.random();
    n1.http.post(WireClient.REGISTER, client.register());
    n2.http.post(WireClient.MAKE_CONNECTION, client.makeConnection()); // n2 now holds a handle too
    n1.feature.session(client.sessionId).orElseThrow().close();
    String end = client.sessionId + " CLOSED_BY_SERVICE";
    Eventually.await("n2's listener told", () -> ended2.contains(end));
    assertEquals(List.of(end), ended1);
    assertEquals(List.of(end), ended2);
    HttpResponse<String> poll = n2.http.post(WireClient.MAKE_CONNECTION, client.makeConnection());
    assertTrue(poll.body().contains("UnknownAddress"), poll.body());
  }

  @Test
  void redisStoppedRefusesCallsAndPollsAtOnceAndTheyRecoverWhenItReturns() throws Exception {
    RedisNode n1 = node("n1", ended1);
    WireClient client = WireClient.random();
    n1.http.post(WireClient.REGISTER, client.register());
    assertEquals(List.of("AAHH"), symbols(n1.http.post(WireClient.MAKE_CONNECTION, client.makeConnection())));
    redis.stop(); // SIGTERM: Redis flushes its AOF as on SHUTDOWN
    try {
      HttpResponse<String> call = n1.http.post(WireClient.SYNC, client.sync("LOST", "n"));
      assertEquals(500, call.statusCode());
      assertTrue(call.body().contains("ServerTooBusy"), call.body());
      HttpResponse<String> poll = n1.http.post(WireClient.MAKE_CONNECTION, client.makeConnection());
      assertEquals(500, poll.statusCode());
      assertTrue(poll.body().contains("ServerTooBusy"), poll.body());
    } finally {
      redis.restart();
    }
    Eventually.await("calls accepted again", () -> n1.http.post(WireClient.SYNC, client.sync("BACK", "n")).statusCode() == 200);
    assertEquals(List.of("BACK"), symbols(n1.http.post(WireClient.MAKE_CONNECTION, client.makeConnection())));
    assertEquals(List.of(), ended1);
  }
}
