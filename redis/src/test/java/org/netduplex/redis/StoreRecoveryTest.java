package org.netduplex.redis;

import org.netduplex.testing.RedisServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netduplex.testing.Eventually;
import org.netduplex.testing.WireClient;

/** What a node does when Redis drops its subscription, loses its data, or a one-node task's holder stops. */
class StoreRecoveryTest {
  private static final Pattern SYMBOL = Pattern.compile("<Symbol>([^<]*)</Symbol>");
  private static RedisServer redis;
  private static RedisClient admin;
  private static StatefulRedisConnection<String, String> adminConnection;
  private final String prefix = "nd" + UUID.randomUUID().toString().substring(0, 8);
  private final List<RedisNode> nodes = new ArrayList<>();

  @BeforeAll
  static void startRedis() throws Exception {
    RedisServer.assumeInstalled(); // skipped without redis-server, unless NETDUPLEX_REQUIRE_REDIS=1
    redis = RedisServer.builder().aof(true).start();
    admin = RedisClient.create(redis.uri());
    adminConnection = admin.connect();
  }

  @AfterAll
  static void stopRedis() throws Exception {
    adminConnection.close();
    admin.shutdown();
    redis.close();
  }

  @AfterEach
  void stopNodes() {
    nodes.forEach(RedisNode::close);
  }

  private RedisNode node(String id, Duration pollTimeout) {
    RedisNode n = new RedisNode(redis.uri(), id, prefix, c -> c.pollTimeout(pollTimeout));
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
  void aParkedPollGetsWhatWasQueuedWhileItsNodeWasUnsubscribed() {
    // A poll timeout far beyond the test's wait: delivery must come from the resubscription's take.
    RedisNode n1 = node("n1", Duration.ofSeconds(50));
    RedisNode n2 = node("n2", Duration.ofSeconds(50));
    WireClient client = WireClient.random();
    n1.http.post(WireClient.REGISTER, client.register());
    assertEquals(List.of("AAHH"), symbols(n1.http.post(WireClient.MAKE_CONNECTION, client.makeConnection())));
    CompletableFuture<HttpResponse<String>> parked = n1.http.postAsync(WireClient.MAKE_CONNECTION, client.makeConnection());
    Eventually.await("poll parked on n1", () -> n1.feature.metrics().parkedPolls() == 1);
    adminConnection.sync().clientKill(io.lettuce.core.KillArgs.Builder.typePubsub());
    n2.http.post(WireClient.SYNC, client.sync("WHILE-AWAY", "n")); // its wake-up may find nobody subscribed
    assertEquals(List.of("WHILE-AWAY"), symbols(parked.orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).join()));
  }

  @Test
  void aRedisThatLostItsDataEndsParkedPollsAndAnswersUnknownAddress() {
    RedisNode n1 = node("n1", Duration.ofSeconds(50));
    WireClient client = WireClient.random();
    n1.http.post(WireClient.REGISTER, client.register());
    assertEquals(List.of("AAHH"), symbols(n1.http.post(WireClient.MAKE_CONNECTION, client.makeConnection())));
    CompletableFuture<HttpResponse<String>> parked = n1.http.postAsync(WireClient.MAKE_CONNECTION, client.makeConnection());
    Eventually.await("poll parked on n1", () -> n1.feature.metrics().parkedPolls() == 1);
    adminConnection.sync().flushall();
    // The poll that finds the loss ends with the polls parked then; every later one is UnknownAddress.
    HttpResponse<String> finder = n1.http.post(WireClient.MAKE_CONNECTION, client.makeConnection());
    assertTrue(finder.body().contains("SessionEnded") || finder.body().contains("UnknownAddress"), finder.body());
    HttpResponse<String> next = n1.http.post(WireClient.MAKE_CONNECTION, client.makeConnection());
    assertTrue(next.body().contains("UnknownAddress"), next.body());
    // The orphaned poll is answered with a fault at once, not at its timeout: SessionEnded, or
    // UnknownAddress if the front hands it to CXF's chain, which polls the (now empty) store again.
    HttpResponse<String> orphan = parked.orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).join();
    assertTrue(orphan.body().contains("SessionEnded") || orphan.body().contains("UnknownAddress"), orphan.body());
  }

  @Test
  void aOneNodeTaskRunsOnOneNodeAndMovesWhenItsHolderStops() {
    RedisNode n1 = node("n1", Duration.ofSeconds(5));
    RedisNode n2 = node("n2", Duration.ofSeconds(5));
    AtomicInteger running = new AtomicInteger();
    List<String> starts = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (RedisNode n : List.of(n1, n2)) {
      n.feature.runOnOneNode("ticker", () -> {
        running.incrementAndGet();
        starts.add(n == n1 ? "n1" : "n2");
        return running::decrementAndGet;
      });
    }
    Eventually.await("the ticker started once", () -> running.get() == 1);
    String first = starts.get(0);
    (first.equals("n1") ? n1 : n2).close();
    Eventually.await("the ticker moved", () -> starts.size() == 2);
    assertEquals(1, running.get());
    assertTrue(!starts.get(1).equals(first), "started again on the other node: " + starts);
  }
}
