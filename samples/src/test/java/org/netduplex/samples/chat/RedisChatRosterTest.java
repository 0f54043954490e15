package org.netduplex.samples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netduplex.testing.RedisServer;

/** Two nodes' rosters on one real Redis, each on its own connection: names are unique across them, and a member is removed once. */
class RedisChatRosterTest {
  private RedisServer redis;
  private RedisClient client;
  private StatefulRedisConnection<byte[], byte[]> one;
  private StatefulRedisConnection<byte[], byte[]> two;
  private ChatRoster nodeA;
  private ChatRoster nodeB;

  @BeforeEach
  void start() throws Exception {
    RedisServer.assumeInstalled();
    redis = RedisServer.builder().start();
    client = RedisClient.create(redis.uri());
    one = client.connect(ByteArrayCodec.INSTANCE);
    two = client.connect(ByteArrayCodec.INSTANCE);
    nodeA = new RedisChatRoster(one, "test:app");
    nodeB = new RedisChatRoster(two, "test:app");
  }

  @AfterEach
  void stop() {
    if (client != null) {
      one.close();
      two.close();
      client.shutdown();
    }
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void aNameClaimedOnOneNodeIsTakenOnTheOtherInAnyCase() {
    assertEquals(new ChatRoster.Claim(ChatRoster.Outcome.JOINED, "Alice"), nodeA.claim("Alice", "s1"));
    assertEquals(new ChatRoster.Claim(ChatRoster.Outcome.TAKEN, "s1"), nodeB.claim("ALICE", "s2"));
    assertEquals(new ChatRoster.Claim(ChatRoster.Outcome.ALREADY_MEMBER, "Alice"), nodeB.claim("bob", "s1"));
    assertEquals(Optional.of("s1"), nodeB.sessionOf("alice"));
    assertEquals(Optional.of("Alice"), nodeB.nameOf("s1"));
    assertEquals(List.of("Alice"), nodeB.names());
  }

  @Test
  void twoNodesClaimingOneNameAtOnceAcceptOne() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 50; round++) {
        String name = "name" + round;
        Future<ChatRoster.Claim> a = pool.submit(claim(nodeA, name, "a" + round));
        Future<ChatRoster.Claim> b = pool.submit(claim(nodeB, name.toUpperCase(), "b" + round));
        long joined = List.of(a.get(), b.get()).stream().filter(c -> c.outcome() == ChatRoster.Outcome.JOINED).count();
        assertEquals(1, joined, "round " + round + ": " + a.get() + " " + b.get());
      }
      assertEquals(50, nodeA.size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aMemberBothNodesRemoveIsReturnedToOneAndItsNameIsFree() {
    nodeA.claim("carol", "s3");

    assertEquals(Optional.of("carol"), nodeB.remove("s3"));
    assertEquals(Optional.empty(), nodeA.remove("s3"));
    assertEquals(0, nodeA.size());
    assertEquals(ChatRoster.Outcome.JOINED, nodeA.claim("Carol", "s4").outcome());
  }

  private static Callable<ChatRoster.Claim> claim(ChatRoster roster, String name, String session) {
    return () -> roster.claim(name, session);
  }
}
