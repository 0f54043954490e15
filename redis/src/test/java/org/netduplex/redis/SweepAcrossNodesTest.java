package org.netduplex.redis;

import org.netduplex.testing.RedisServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netduplex.server.DuplexSession;
import org.netduplex.server.DuplexSessionListener;
import org.netduplex.server.SessionEndReason;
import org.netduplex.testing.Eventually;
import org.netduplex.testing.FakeScheduler;
import org.netduplex.testing.WireClient;

/**
 * Three nodes on one clock (a {@link FakeScheduler}) sweep one Redis for idle sessions at the same
 * ticks: each session is ended by exactly one node, and every node that held it hears of it once.
 */
class SweepAcrossNodesTest {
  private static RedisServer redis;
  private final FakeScheduler clock = new FakeScheduler();
  private final String prefix = "nd" + UUID.randomUUID().toString().substring(0, 8);
  private final List<RedisNode> nodes = new ArrayList<>();
  private final List<List<String>> ended = new ArrayList<>();

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

  /** The wall clock of every node of the test: the fake scheduler's time, from an arbitrary date. */
  static final class SchedulerClock extends Clock {
    private static final long BASE = 1_800_000_000_000L;
    private final FakeScheduler scheduler;

    SchedulerClock(FakeScheduler scheduler) {
      this.scheduler = scheduler;
    }

    @Override
    public long millis() {
      return BASE + scheduler.nanoTime() / 1_000_000;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void threeNodesSweepingEndEachIdleSessionOnce() {
    for (int i = 0; i < 3; i++) {
      List<String> mine = new CopyOnWriteArrayList<>();
      ended.add(mine);
      nodes.add(new RedisNode(RedisDuplexStore.builder(redis.uri()).nodeId("n" + i).keyPrefix(prefix)
          .clock(new SchedulerClock(clock)), c -> c.scheduler(clock)
          .pollTimeout(Duration.ofSeconds(5)).inactivityTimeout(Duration.ofSeconds(10))
          .listener(new DuplexSessionListener() {
            @Override
            public void sessionEnded(DuplexSession session, SessionEndReason reason) {
              mine.add(session.id() + " " + reason);
            }
          })));
    }
    int sessions = 30;
    List<WireClient> clients = new ArrayList<>();
    for (int i = 0; i < sessions; i++) {
      WireClient client = WireClient.random();
      clients.add(client);
      assertEquals(200, nodes.get(i % 3).http.post(WireClient.REGISTER, client.register()).statusCode());
    }
    for (int s = 0; s < 9; s++) {
      clock.advanceBy(Duration.ofSeconds(1));
    }
    assertEquals(sessions, nodes.get(0).feature.metrics().openSessions()); // not idle long enough yet
    for (int s = 0; s < 3; s++) {
      clock.advanceBy(Duration.ofSeconds(1));
    }
    Eventually.await("every opener told", () -> {
      for (int i = 0; i < sessions; i++) {
        if (!ended.get(i % 3).contains(clients.get(i).sessionId + " INACTIVITY_TIMEOUT")) {
          return false;
        }
      }
      return true;
    });
    long endedByNodes = 0;
    for (RedisNode n : nodes) {
      endedByNodes += n.feature.metrics().sessionsEnded();
    }
    assertEquals(sessions, endedByNodes); // each session ended by one node only
    for (List<String> heard : ended) {
      Set<String> once = new HashSet<>(heard);
      assertEquals(once.size(), heard.size(), "a node heard of an end twice: " + heard);
    }
    assertEquals(0, nodes.get(1).feature.metrics().openSessions());
    assertTrue(nodes.get(2).http.post(WireClient.SYNC, clients.get(0).sync("X", "n")).body().contains("SessionEnded"));
  }
}
