package org.netduplex.redis.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netduplex.testing.RedisServer;
import org.netduplex.redis.internal.RedisFunctions.OfferStatus;
import org.netduplex.redis.internal.RedisFunctions.OpenStatus;
import org.netduplex.redis.internal.RedisFunctions.PollStatus;
import org.netduplex.redis.internal.RedisFunctions.TakeStatus;
import org.netduplex.server.internal.CallbackMessage;
import org.netduplex.testing.Eventually;

/**
 * Each store decision of the netduplex_v1 library against a real redis-server, with two "nodes"
 * (two connections with their own node ids) where a race or a hand-over between nodes matters.
 * Times are synthetic wall-clock ms passed to the functions, as the store passes the engine's clock.
 */
class RedisFunctionsTest {
  private static final long LEASE = 30_000;
  private static final long PARK = 60_000;
  private static final long TOMB = 3_600_000;
  private static RedisServer server;
  private static RedisClient client;

  private final List<StatefulRedisConnection<byte[], byte[]>> connections = new ArrayList<>();
  private final List<String> node1Channel = new CopyOnWriteArrayList<>();
  private StatefulRedisPubSubConnection<String, String> pubsub;
  private String prefix;
  private RedisFunctions node1;
  private RedisFunctions node2;

  @BeforeAll
  static void startRedis() throws Exception {
    RedisServer.assumeInstalled(); // skipped without redis-server, unless NETDUPLEX_REQUIRE_REDIS=1
    server = RedisServer.builder().aof(true).start();
    client = RedisClient.create(server.uri());
  }

  @AfterAll
  static void stopRedis() throws Exception {
    client.shutdown();
    server.close();
  }

  @BeforeEach
  void twoNodes() {
    prefix = "t" + UUID.randomUUID().toString().substring(0, 8); // one key space per test
    node1 = functions("n1");
    node2 = functions("n2");
    pubsub = client.connectPubSub();
    pubsub.addListener(new RedisPubSubAdapter<>() {
      @Override
      public void message(String channel, String message) {
        node1Channel.add(message);
      }
    });
    pubsub.sync().subscribe(node1.channel());
  }

  @AfterEach
  void closeConnections() {
    pubsub.close();
    connections.forEach(StatefulRedisConnection::close);
  }

  private RedisFunctions functions(String node) {
    StatefulRedisConnection<byte[], byte[]> c = client.connect(ByteArrayCodec.INSTANCE);
    connections.add(c);
    return new RedisFunctions(c, prefix, node);
  }

  private static <T> T get(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private void open(String address, String sid) {
    assertEquals(OpenStatus.OPENED, get(node1.open(0, address, sid, 1000, 100, 120)).status());
  }

  private static byte[] entry(String sid, String text) {
    return EntryCodec.encode(sid, 10 + text.length(), 20 + text.length(), 0,
        new CallbackMessage(text.getBytes(StandardCharsets.UTF_8), "urn:a"));
  }

  private static String body(byte[] entry) {
    return new String(EntryCodec.decode(entry).message().body(), StandardCharsets.UTF_8);
  }

  private void offer(RedisFunctions node, String address, String sid, String text) {
    assertEquals(OfferStatus.QUEUED, get(node.offer(0, address, sid, entry(sid, text), 100)).status());
  }

  private RedisFunctions.Polled poll(RedisFunctions node, long now, String address, String token) {
    return get(node.poll(now, address, token, LEASE, PARK, false, null, 0));
  }

  @Test
  void aSessionOpensOnceAndIsKnownAfterwards() {
    assertEquals(OpenStatus.OPENED, get(node1.open(5, "A", "s1", 10, 100, 120)).status());
    RedisFunctions.Opened again = get(node2.open(9, "A", "s1", 10, 100, 120));
    assertEquals(OpenStatus.KNOWN, again.status());
    assertEquals("open", again.state());
    assertEquals(5, again.openedMillis());
    assertEquals(OpenStatus.MISMATCH, get(node2.open(9, "B", "s1", 10, 100, 120)).status());
  }

  @Test
  void theSessionLimitIsClusterWide() {
    assertEquals(OpenStatus.OPENED, get(node1.open(0, "A", "s1", 2, 1, 1)).status());
    assertEquals(OpenStatus.OPENED, get(node2.open(0, "B", "s2", 2, 1, 1)).status());
    assertEquals(OpenStatus.FULL, get(node1.open(0, "C", "s3", 2, 1, 1)).status());
    get(node2.end(1, "B", "s2", "CLOSED_BY_SERVICE", TOMB));
    assertEquals(OpenStatus.OPENED, get(node1.open(0, "C", "s3", 2, 1, 1)).status());
  }

  @Test
  void anEndedSessionCannotBeReopenedAndEndsOnce() {
    open("A", "s1");
    RedisFunctions.Ended ended = get(node2.end(1, "A", "s1", "CLOSED_BY_SERVICE", TOMB));
    assertTrue(ended.lastOfAddress());
    assertNull(get(node1.end(1, "A", "s1", "CLOSED_BY_SERVICE", TOMB)));
    assertEquals(OpenStatus.ENDED, get(node1.open(2, "A", "s1", 10, 1, 1)).status());
    assertEquals("CLOSED_BY_SERVICE", get(node1.session(2, "s1")).endReason());
    assertEquals("", get(node1.touch(2, "A", "s1")));
  }

  @Test
  void aPollTakesInOrderAndTheWriteReleasesTheLease() {
    open("A", "s1");
    offer(node1, "A", "s1", "m1");
    offer(node2, "A", "s1", "m2");
    RedisFunctions.Polled first = poll(node1, 1, "A", "t1");
    assertEquals(PollStatus.MESSAGE, first.status());
    assertEquals("m1", body(first.taken().entry()));
    assertEquals(0, first.taken().number());
    assertTrue(first.taken().more());
    assertFalse(get(node1.written(2, "A", "t1")).fenced());
    RedisFunctions.Polled second = poll(node2, 3, "A", "t2");
    assertEquals("m2", body(second.taken().entry()));
    assertFalse(second.taken().more());
    assertEquals(0, get(node1.session(3, "s1")).queued());
  }

  @Test
  void aPollWhileAnAnswerIsBeingWrittenParksAndTheWriteWakesIt() {
    open("A", "s1");
    offer(node1, "A", "s1", "m1");
    offer(node1, "A", "s1", "m2");
    assertEquals("m1", body(poll(node2, 1, "A", "t1").taken().entry()));
    // The order guard: m2 must not overtake m1, whose answer node2 is still writing.
    assertEquals(PollStatus.PARKED, poll(node1, 2, "A", "t2").status());
    get(node2.written(3, "A", "t1"));
    Eventually.await("node1 told to wake t2", () -> node1Channel.contains("wake t2 A"));
    RedisFunctions.TakeResult took = get(node1.take(4, "A", "t2", LEASE));
    assertEquals(TakeStatus.MESSAGE, took.status());
    assertEquals("m2", body(took.taken().entry()));
  }

  @Test
  void anExpiredLeaseIsRequeuedFirstAndItsHolderIsFenced() {
    open("A", "s1");
    offer(node1, "A", "s1", "m1");
    offer(node1, "A", "s1", "m2");
    assertEquals("m1", body(poll(node1, 0, "A", "t1").taken().entry()));
    RedisFunctions.Polled other = poll(node2, LEASE + 1, "A", "t2"); // node1 stalled past its lease
    assertEquals("m1", body(other.taken().entry()));
    assertTrue(get(node1.written(LEASE + 2, "A", "t1")).fenced());
    assertTrue(get(node1.requeue(LEASE + 2, "A", "t1")).fenced());
    assertFalse(get(node2.written(LEASE + 3, "A", "t2")).fenced());
    assertEquals("m2", body(poll(node2, LEASE + 4, "A", "t3").taken().entry()));
  }

  @Test
  void aFailedBatchGoesBackToTheHeadInOrder() {
    open("A", "s1");
    for (int i = 1; i <= 4; i++) {
      offer(node1, "A", "s1", "m" + i);
    }
    RedisFunctions.Polled first = poll(node1, 1, "A", "t1");
    RedisFunctions.Drained rest = get(node1.drain(1, "A", "t1", 0, 2, 10_000, false, 0));
    assertEquals(2, rest.items().size());
    assertTrue(rest.more());
    assertEquals("m1", body(first.taken().entry()));
    assertEquals("m3", body(EntryCodec.inFlight(rest.items().get(1))));
    RedisFunctions.Requeued back = get(node1.requeue(2, "A", "t1"));
    assertFalse(back.fenced());
    assertEquals(4, get(node1.session(2, "s1")).queued());
    assertEquals("m1", body(poll(node2, 3, "A", "t2").taken().entry()));
    List<byte[]> after = get(node2.drain(3, "A", "t2", 0, 10, 10_000, false, 0)).items();
    assertEquals(List.of("m2", "m3", "m4"), after.stream().map(i -> body(EntryCodec.inFlight(i))).toList());
  }

  @Test
  void aBatchStopsAtTheFirstMessageOverTheBudget() {
    open("A", "s1");
    offer(node1, "A", "s1", "aa"); // sizes 12 / 22
    offer(node1, "A", "s1", "bb");
    offer(node1, "A", "s1", "cc");
    poll(node1, 1, "A", "t1");
    assertEquals(1, get(node1.drain(1, "A", "t1", 0, 10, 12, false, 0)).items().size());
    assertEquals(0, get(node1.drain(1, "A", "t1", 0, 10, 21, true, 0)).items().size());
  }

  @Test
  void aParkedPollIsWokenOnItsNodeAndTakenOnlyByItsToken() {
    open("A", "s1");
    assertEquals(PollStatus.PARKED, poll(node1, 1, "A", "t1").status());
    assertEquals(TakeStatus.NOTHING, get(node1.take(2, "A", "t1", LEASE)).status());
    RedisFunctions.Offered offered = get(node2.offer(3, "A", "s1", entry("s1", "m1"), 100));
    assertEquals("n1", offered.owner());
    Eventually.await("node1 told to wake t1", () -> node1Channel.contains("wake t1 A"));
    assertEquals(TakeStatus.GONE, get(node2.take(4, "A", "t1", LEASE)).status()); // node2 holds no such poll
    assertEquals(TakeStatus.GONE, get(node1.take(4, "A", "t0", LEASE)).status());
    RedisFunctions.TakeResult took = get(node1.take(4, "A", "t1", LEASE));
    assertEquals("m1", body(took.taken().entry()));
    assertEquals(TakeStatus.GONE, get(node1.take(5, "A", "t1", LEASE)).status());
  }

  @Test
  void aNewerPollReplacesTheParkedOne() {
    open("A", "s1");
    poll(node1, 1, "A", "t1");
    RedisFunctions.Polled mine = poll(node1, 2, "A", "t2");
    assertEquals("t1", mine.replacedToken()); // on the same node: told in the reply, not published
    poll(node2, 3, "A", "t3");
    Eventually.await("node1 told t2 was replaced", () -> node1Channel.contains("replaced t2 A"));
    assertEquals(TakeStatus.GONE, get(node1.expire(4, "A", "t2", LEASE)).status());
  }

  @Test
  void theTimeoutTakesWhatALostWakeUpLeftBehind() {
    open("A", "s1");
    poll(node1, 1, "A", "t1");
    offer(node2, "A", "s1", "m1"); // its wake-up is never acted on
    RedisFunctions.TakeResult expired = get(node1.expire(PARK, "A", "t1", LEASE));
    assertEquals(TakeStatus.MESSAGE, expired.status());
    assertEquals("m1", body(expired.taken().entry()));
    poll(node1, PARK + 1, "A", "t2");
    assertEquals(TakeStatus.NOTHING, get(node1.expire(PARK + 2, "A", "t2", LEASE)).status());
    assertFalse(get(node1.session(PARK + 2, "s1")).pollParked());
  }

  @Test
  void anAckingAddressNumbersResendsInOrderAndReleasesOnAck() {
    open("A", "s1");
    offer(node1, "A", "s1", "m1");
    offer(node1, "A", "s1", "m2");
    RedisFunctions.Polled first = get(node1.poll(1, "A", "t1", LEASE, PARK, true, null, 0));
    assertEquals(1, first.taken().number());
    String stream = first.taken().stream();
    assertFalse(stream.isEmpty());
    List<byte[]> rest = get(node1.drain(1, "A", "t1", 1, 10, 10_000, false, 40)).items();
    assertEquals(2, EntryCodec.number(rest.get(0)));
    // The answer was lost: any node's next poll resends both, first, with the same numbers.
    RedisFunctions.Polled again = get(node2.poll(2, "A", "t2", LEASE, PARK, true, stream, 0));
    assertEquals(1, again.taken().number());
    assertEquals("m1", body(again.taken().entry()));
    assertEquals(2, EntryCodec.number(get(node2.drain(2, "A", "t2", 1, 10, 10_000, false, 40)).items().get(0)));
    assertEquals(2, get(node1.session(2, "s1")).inFlight());
    RedisFunctions.Polled acked = get(node2.poll(3, "A", "t3", LEASE, PARK, true, stream, 1));
    assertEquals(1, acked.released().size());
    assertEquals(2, acked.taken().number());
    RedisFunctions.Acked closing = get(node1.ack(4, "A", stream, 9));
    assertEquals(1, closing.released().size());
    assertEquals(0, get(node1.session(4, "s1")).inFlight());
    assertTrue(get(node1.poll(5, "A", "t4", LEASE, PARK, true, stream, 9)).ackBeyondSent());
  }

  @Test
  void aHalfClosedSessionDrainsThenIsReportedDrained() {
    open("A", "s1");
    offer(node1, "A", "s1", "m1");
    assertEquals(0, get(node1.close(1, "A", "s1")));
    assertEquals(OfferStatus.ENDED, get(node1.offer(1, "A", "s1", entry("s1", "m2"), 100)).status());
    poll(node2, 2, "A", "t1");
    assertEquals(List.of("s1"), get(node2.written(3, "A", "t1")).drained());
    open("B", "s2");
    assertEquals(1, get(node1.close(1, "B", "s2")));
  }

  @Test
  void endingTheLastSessionDropsItsQueueAndTellsTheParkedPoll() {
    open("A", "s1");
    open("A", "s2");
    offer(node1, "A", "s1", "m1");
    offer(node1, "A", "s2", "m2");
    RedisFunctions.Ended one = get(node2.end(1, "A", "s1", "CLOSED_BY_SERVICE", TOMB));
    assertEquals(1, one.dropped());
    assertFalse(one.lastOfAddress());
    assertEquals("m2", body(poll(node1, 2, "A", "t0").taken().entry()));
    get(node1.written(2, "A", "t0"));
    poll(node1, 3, "A", "t1");
    RedisFunctions.Ended two = get(node2.end(4, "A", "s2", "INACTIVITY_TIMEOUT", TOMB));
    assertTrue(two.lastOfAddress());
    assertEquals("n1", two.owner());
    Eventually.await("node1 told its poll's address ended",
        () -> node1Channel.contains("ended t1 A INACTIVITY_TIMEOUT"));
    assertEquals(PollStatus.UNKNOWN, poll(node2, 5, "A", "t2").status());
  }

  @Test
  void threeSweepersRacingEndEachSessionOnce() throws Exception {
    int sessions = 300;
    for (int i = 0; i < sessions; i++) {
      get(node1.open(0, "A" + (i % 50), "s" + i, 10_000, 1, 1));
    }
    get(node1.close(0, "A0", "s0")); // half-closed: ends after the (shorter) drain timeout
    RedisFunctions[] sweepers = {node1, node2, functions("n3")};
    CyclicBarrier start = new CyclicBarrier(3);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<List<RedisFunctions.Swept>>> results = new ArrayList<>();
      for (RedisFunctions f : sweepers) {
        results.add(pool.submit(() -> {
          start.await();
          List<RedisFunctions.Swept> mine = new ArrayList<>();
          for (int round = 0; round < 20; round++) {
            mine.addAll(get(f.sweep(10_000, 10_000, 5_000, 7, TOMB)));
          }
          return mine;
        }));
      }
      Set<String> ended = new HashSet<>();
      int total = 0;
      for (Future<List<RedisFunctions.Swept>> r : results) {
        for (RedisFunctions.Swept s : r.get()) {
          ended.add(s.sid());
          total++;
          assertEquals(s.sid().equals("s0") ? "CLOSED_BY_CLIENT" : "INACTIVITY_TIMEOUT", s.reason());
        }
      }
      assertEquals(sessions, ended.size());
      assertEquals(sessions, total);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSweepEndsOnlyWhatWasIdleLongEnough() {
    open("A", "s1");
    get(node1.open(0, "B", "s2", 100, 1, 1));
    get(node1.touch(6_000, "B", "s2"));
    List<RedisFunctions.Swept> swept = get(node2.sweep(10_000, 10_000, 10_000, 100, TOMB));
    assertEquals(List.of("s1"), swept.stream().map(RedisFunctions.Swept::sid).toList());
    assertTrue(get(node2.sweep(10_000, 10_000, 10_000, 100, TOMB)).isEmpty());
    // A poll is activity for every session of its address.
    poll(node1, 15_000, "B", "t1");
    assertTrue(get(node2.sweep(20_000, 10_000, 10_000, 100, TOMB)).isEmpty());
  }

  @Test
  void twoPollsRacingForOneAddressGetEachMessageOnce() throws Exception {
    open("A", "s1");
    int rounds = 300;
    Set<String> delivered = ConcurrentHashMap.newKeySet();
    List<String> duplicates = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < rounds; round++) {
        offer(node1, "A", "s1", "m" + round);
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<?>> racers = new ArrayList<>();
        int r = round;
        for (RedisFunctions node : List.of(node1, node2)) {
          racers.add(pool.submit(() -> {
            start.await();
            String token = node.node() + "-" + r;
            RedisFunctions.Polled p = poll(node, r, "A", token);
            if (p.status() == PollStatus.MESSAGE) {
              if (!delivered.add(body(p.taken().entry()))) {
                duplicates.add(body(p.taken().entry()));
              }
              get(node.written(r, "A", token));
            } else {
              get(node.expire(r, "A", token, LEASE)); // the loser lets go, as its timeout would
            }
            return null;
          }));
        }
        for (Future<?> f : racers) {
          f.get();
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of(), duplicates);
    assertEquals(rounds, delivered.size());
  }

  @Test
  void aDeadNodesLeasesGoBackToTheHeadOnceWhoeverReaps() {
    open("A", "s1");
    offer(node1, "A", "s1", "m1");
    offer(node1, "A", "s1", "m2");
    get(node1.heartbeat(0, 3_000));
    get(node2.heartbeat(0, 10_000));
    assertEquals("m1", body(poll(node1, 1, "A", "t1").taken().entry()));
    poll(node2, 2, "A", "t2"); // parks behind node1's live lease
    assertEquals(0, get(node2.reap(2_000)));
    assertEquals(1, get(node2.reap(3_001)));
    Eventually.await("node2's poll woken", () -> get(node2.take(3_002, "A", "t2", LEASE)).status() == TakeStatus.MESSAGE);
    assertEquals(0, get(node1.reap(3_003)));
    assertTrue(get(node1.written(3_004, "A", "t1")).fenced());
  }

  @Test
  void aNodeLeavingHandsBackItsInFlightAtOnce() {
    open("A", "s1");
    offer(node1, "A", "s1", "m1");
    poll(node1, 1, "A", "t1");
    assertEquals(1, get(node1.leave(2)));
    assertEquals("m1", body(poll(node2, 3, "A", "t2").taken().entry()));
  }

  @Test
  void aRedisThatLostItsDataIsNoticedOnceThenServesTheNewEpoch() {
    open("A", "s1");
    List<String> lost = new CopyOnWriteArrayList<>();
    node2.onStoreLost(lost::add);
    String before = node2.epoch();
    connections.get(0).sync().flushall();
    RuntimeException e = assertThrows(RuntimeException.class, () -> poll(node2, 1, "A", "t1"));
    assertInstanceOf(StoreLostException.class, e);
    assertEquals(1, lost.size());
    assertFalse(before.equals(node2.epoch()));
    assertEquals(PollStatus.UNKNOWN, poll(node2, 2, "A", "t2").status());
  }

  @Test
  void aRedisThatRestartedEmptyGetsTheFunctionsAgainAndReportsTheLossOnTheFirstCall() {
    open("A", "s1");
    connections.get(0).sync().flushall();
    connections.get(0).sync().functionFlush(io.lettuce.core.FlushMode.SYNC);
    assertInstanceOf(StoreLostException.class, assertThrows(RuntimeException.class, () -> poll(node2, 1, "A", "t1")));
    assertEquals(PollStatus.UNKNOWN, poll(node2, 2, "A", "t2").status());
  }

  @Test
  void aRedisThatLostItsFunctionsGetsThemAgain() {
    connections.get(0).sync().functionFlush(io.lettuce.core.FlushMode.SYNC);
    assertEquals(OpenStatus.OPENED, get(node1.open(0, "A", "s1", 10, 1, 1)).status());
  }

  @Test
  void aGroupBroadcastReachesEveryOpenMemberInChunks() {
    for (int i = 0; i < 25; i++) {
      open("A" + i, "s" + i);
      assertEquals(1, get(node1.groupJoin(0, "quotes", "A" + i, "s" + i)));
    }
    poll(node1, 1, "A3", "t3");
    poll(node2, 1, "A4", "t4");
    get(node2.end(1, "A7", "s7", "CLOSED_BY_SERVICE", TOMB));
    byte[] payload = EntryCodec.payload(0, new CallbackMessage("q".getBytes(StandardCharsets.UTF_8), "urn:q"));
    String cursor = "0";
    int queued = 0;
    int reached = 0;
    List<String> own = new ArrayList<>();
    do {
      RedisFunctions.BroadcastChunk chunk = get(node1.broadcast(2, "quotes", cursor, 5,
          List.of(new RedisFunctions.Broadcast(payload, 10, 20)), 100));
      cursor = chunk.cursor();
      queued += chunk.queued();
      reached += chunk.reached();
      own.addAll(chunk.ownPolls());
    } while (!cursor.equals("0"));
    assertEquals(24, reached);
    assertEquals(24, get(node1.groupSize("quotes")));
    assertEquals(24, queued);
    assertEquals(List.of("t3 A3"), own);
    RedisFunctions.TakeResult took = get(node2.take(3, "A4", "t4", LEASE));
    byte[] entry = took.taken().entry();
    assertEquals("s4", EntryCodec.decode(entry).sessionId());
    assertArrayEquals("q".getBytes(StandardCharsets.UTF_8), EntryCodec.decode(entry).message().body());
    assertEquals(-1, get(node1.groupJoin(3, "quotes", "A7", "s7")));
  }

  @Test
  void aOneNodeLeaseHasOneHolderUntilItIsGivenUp() {
    assertTrue(get(node1.lease(0, "ticker", "n1", 5_000)));
    assertFalse(get(node2.lease(1, "ticker", "n2", 5_000)));
    assertTrue(get(node1.lease(2, "ticker", "n1", 5_000))); // renewed by its holder
    assertFalse(get(node2.releaseLease(3, "ticker", "n2"))); // not its lease to give up
    assertTrue(get(node1.releaseLease(3, "ticker", "n1")));
    assertTrue(get(node2.lease(4, "ticker", "n2", 5_000)));
  }

  @Test
  void aBroadcastReportsMembersWhoseQueueIsFull() {
    open("A", "s1");
    open("B", "s2");
    get(node1.groupJoin(0, "g", "A", "s1"));
    get(node1.groupJoin(0, "g", "B", "s2"));
    offer(node1, "A", "s1", "m1"); // s1's queue is full at 1
    byte[] payload = EntryCodec.payload(0, new CallbackMessage("q".getBytes(StandardCharsets.UTF_8), "urn:q"));
    RedisFunctions.BroadcastChunk chunk = get(node1.broadcast(1, "g", "0", 100,
        List.of(new RedisFunctions.Broadcast(payload, 1, 1)), 1));
    assertEquals("0", chunk.cursor());
    assertEquals(1, chunk.reached());
    assertEquals(List.of("s1"), chunk.refused());
    assertEquals(1, get(node1.session(1, "s2")).queued());
  }

  @Test
  void anEntryIsBinarySafe() {
    byte[] body = new byte[512];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) i;
    }
    open("A", "s 1\n");
    CallbackMessage m = new CallbackMessage(body, "urn:ä", "urn:uuid:1", null);
    get(node1.offer(0, "A", "s 1\n", EntryCodec.encode("s 1\n", 7, 8, 42, m), 10));
    EntryCodec.Entry back = EntryCodec.decode(poll(node2, 1, "A", "t1").taken().entry());
    assertEquals("s 1\n", back.sessionId());
    assertEquals(42, back.queuedAtMillis());
    assertArrayEquals(body, back.message().body());
    assertEquals("urn:ä", back.message().action());
    assertEquals("urn:uuid:1", back.message().messageId());
    assertNull(back.message().relatesTo());
  }

  @Test
  void aParkedPollKeyOutlivesNoPoll() {
    open("A", "s1");
    poll(node1, 1, "A", "t1");
    Long ttl = connections.get(0).sync().pttl(("" + prefix + ":p:{A}").getBytes(StandardCharsets.UTF_8));
    assertTrue(ttl > 0 && ttl <= PARK, "parked-poll key expires: " + ttl);
  }
}
