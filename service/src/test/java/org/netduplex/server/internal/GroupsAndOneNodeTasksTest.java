package org.netduplex.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.NetDuplex;
import org.netduplex.server.DuplexGroups;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.DuplexSession;
import org.netduplex.server.DuplexSessionListener;
import org.netduplex.testing.FakeScheduler;

/** Groups, session lookup and one-node tasks on the in-memory store. */
class GroupsAndOneNodeTasksTest {
  private final FakeScheduler scheduler = new FakeScheduler();
  private final List<String> refused = new CopyOnWriteArrayList<>();
  private final DuplexEngine engine = new DuplexEngine(DuplexServerConfig.builder()
      .maxQueuedMessagesPerSession(2)
      .scheduler(scheduler)
      .listener(new DuplexSessionListener() {
        @Override
        public void messageRefused(DuplexSession session) {
          refused.add(session.id());
        }
      })
      .build());
  private final DuplexGroups groups = engine.groups();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void aBroadcastReachesTheMembersOnlyEncodedOnce() {
    RealDuplexSession a = open();
    RealDuplexSession b = open();
    RealDuplexSession outsider = open();
    groups.join("quotes", a);
    groups.join("quotes", b);
    groups.join("quotes", b);

    assertEquals(2, groups.size("quotes"));
    assertEquals(2, groups.broadcast("quotes", CallbackContractTest.Contract.class, c -> c.counted(7)));

    byte[] toA = delivered(a).message().body();
    assertSame(toA, delivered(b).message().body(), "one encoding shared by every member");
    assertTrue(new String(toA, StandardCharsets.UTF_8).contains(">7<"));
    assertEquals(0, outsider.queuedMessages());
    assertEquals(2, engine.metrics().messagesQueued());
  }

  @Test
  void aMemberWithAFullQueueMissesTheBroadcastAndIsReported() {
    RealDuplexSession full = open();
    RealDuplexSession room = open();
    engine.send(full, message("1"));
    engine.send(full, message("2"));
    groups.join("g", full);
    groups.join("g", room);

    assertEquals(1, groups.broadcast("g", CallbackContractTest.Contract.class, c -> c.counted(1)));
    assertEquals(List.of(full.id()), refused);
    assertEquals(1, room.queuedMessages());
  }

  @Test
  void anEndedSessionLeavesItsGroupsAndIsNotFoundAnyMore() {
    RealDuplexSession s = open();
    groups.join("a", s);
    groups.join("b", s);
    assertSame(s, engine.find(s.id()));

    s.close();

    assertEquals(0, groups.size("a"));
    assertEquals(0, groups.size("b"));
    assertNull(engine.find(s.id()));
    groups.join("a", s);
    assertEquals(0, groups.size("a"), "an ended session is not added");
  }

  @Test
  void leavingAndForeignSessionsAndBlankNames() {
    RealDuplexSession s = open();
    groups.join("g", s);
    groups.leave("g", s);
    groups.leave("g", s);
    assertEquals(0, groups.size("g"));
    assertThrows(IllegalArgumentException.class, () -> groups.join("", s));
    try (DuplexEngine other = new DuplexEngine(DuplexServerConfig.builder().scheduler(scheduler).build())) {
      assertThrows(IllegalArgumentException.class, () -> other.groups().join("g", s));
    }
  }

  @Test
  void aOneNodeTaskRunsAtOnceAndStopsOnceWhenTheEngineCloses() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    AutoCloseable early = engine.runOnOneNode("early", () -> {
      log.add("early started");
      return () -> log.add("early stopped");
    });
    engine.runOnOneNode("ticker", () -> {
      log.add("ticker started");
      return () -> log.add("ticker stopped");
    });
    early.close();
    early.close();

    engine.close();

    assertEquals(List.of("early started", "ticker started", "early stopped", "ticker stopped"), log);
  }

  @Test
  void aOneNodeTaskThatFailsToStartIsLoggedNotThrown() throws Exception {
    AutoCloseable handle = engine.runOnOneNode("broken", () -> {
      throw new IllegalStateException("no file");
    });
    handle.close();
  }

  private RealDuplexSession open() {
    return engine.sessionForCall(new DuplexHeader(NetDuplex.WCF_ANONYMOUS_URI_PREFIX + UUID.randomUUID(),
        UUID.randomUUID().toString()));
  }

  private QueuedMessage delivered(RealDuplexSession s) {
    return assertInstanceOf(PollOutcome.Deliver.class, engine.poll(s.address(), outcome -> { })).message();
  }

  private static CallbackMessage message(String text) {
    return new CallbackMessage(text.getBytes(StandardCharsets.UTF_8), "action");
  }
}
