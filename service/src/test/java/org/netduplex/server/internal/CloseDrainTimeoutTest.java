package org.netduplex.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.NetDuplex;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.DuplexSession;
import org.netduplex.server.DuplexSessionListener;
import org.netduplex.server.SessionEndReason;
import org.netduplex.testing.FakeScheduler;

/** A session half-closed by its client frees its slot once its client stopped polling for the drain timeout. */
class CloseDrainTimeoutTest {
  private static final Duration DRAIN = Duration.ofMillis(300);

  private final FakeScheduler scheduler = new FakeScheduler();
  private final List<SessionEndReason> ended = new CopyOnWriteArrayList<>();
  private final DuplexEngine engine = new DuplexEngine(DuplexServerConfig.builder()
      .pollTimeout(Duration.ofMillis(100))
      .inactivityTimeout(Duration.ofMinutes(10))
      .closeDrainTimeout(DRAIN)
      .maxSessions(1)
      .scheduler(scheduler)
      .listener(new DuplexSessionListener() {
        @Override
        public void sessionEnded(DuplexSession session, SessionEndReason reason) {
          ended.add(reason);
        }
      })
      .build());

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void aHalfClosedSessionWhoseClientStoppedPollingEndsAfterTheDrainTimeoutAndFreesItsSlot() {
    RealDuplexSession s = open();
    engine.send(s, message("never polled"));
    engine.closeByClient(s);

    scheduler.advanceBy(DRAIN.minusMillis(1));
    assertFalse(s.ended(), "ended before its drain timeout");
    scheduler.advanceBy(engine.sweepInterval().plusMillis(1));

    assertTrue(s.ended());
    assertEquals(List.of(SessionEndReason.CLOSED_BY_CLIENT), ended);
    assertEquals(1, engine.metrics().messagesDropped());
    open(); // its maxSessions slot is free again
  }

  @Test
  void aHalfClosedSessionWhoseClientKeepsPollingDrainsPastTheDrainTimeout() {
    RealDuplexSession s = open();
    for (int i = 0; i < 5; i++) {
      engine.send(s, message("m" + i));
    }
    engine.closeByClient(s);
    for (int i = 0; i < 4; i++) {
      scheduler.advanceBy(DRAIN.dividedBy(2)); // a slow client, but polling
      engine.delivered(((PollOutcome.Deliver) engine.poll(s.address(), outcome -> { })).message());
      assertFalse(s.ended(), "ended while its client drained it, after poll " + i);
    }

    engine.delivered(((PollOutcome.Deliver) engine.poll(s.address(), outcome -> { })).message());

    assertTrue(s.ended());
    assertEquals(0, engine.metrics().messagesDropped());
  }

  @Test
  void anOpenSessionStillLastsTheWholeInactivityTimeout() {
    RealDuplexSession s = open();
    engine.send(s, message("waiting"));

    scheduler.advanceBy(DRAIN.multipliedBy(10));

    assertFalse(s.ended());
  }

  private RealDuplexSession open() {
    return engine.sessionForCall(new DuplexHeader(NetDuplex.WCF_ANONYMOUS_URI_PREFIX + UUID.randomUUID(),
        UUID.randomUUID().toString()));
  }

  private static CallbackMessage message(String text) {
    return new CallbackMessage(("<m>" + text + "</m>").getBytes(StandardCharsets.UTF_8), "urn:test");
  }
}
