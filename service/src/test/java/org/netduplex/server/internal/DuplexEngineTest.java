package org.netduplex.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.NetDuplex;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.DuplexSession;
import org.netduplex.server.DuplexSessionListener;
import org.netduplex.server.SessionEndReason;
import org.netduplex.testing.FakeScheduler;

/** The engine without CXF: polls, queues and timeouts under fake time. */
class DuplexEngineTest {
  private static final Duration POLL_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration INACTIVITY = Duration.ofMinutes(10);

  private final FakeScheduler scheduler = new FakeScheduler();
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final DuplexEngine engine = new DuplexEngine(DuplexServerConfig.builder()
      .pollTimeout(POLL_TIMEOUT)
      .inactivityTimeout(INACTIVITY)
      .maxQueuedMessagesPerSession(4)
      .scheduler(scheduler)
      .listener(new DuplexSessionListener() {
        @Override
        public void sessionEnded(DuplexSession session, SessionEndReason reason) {
          assertFalse(Thread.holdsLock(((RealDuplexSession) session).mailbox), "listener called under the lock");
          events.add("ended " + reason);
        }
      })
      .build());

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void queuedMessageAnswersThePollAtOnce() {
    RealDuplexSession s = open();
    engine.send(s, message("one"));
    PollOutcome now = engine.poll(s.address(), new RecordingWaiter());
    assertEquals("one", body(now));
  }

  @Test
  void emptyPollIsAnsweredWhenThePollTimeoutPassesAndNotBefore() {
    RealDuplexSession s = open();
    RecordingWaiter poll = new RecordingWaiter();
    assertNull(engine.poll(s.address(), poll));

    scheduler.advanceBy(POLL_TIMEOUT.minusNanos(1));
    assertTrue(poll.outcomes.isEmpty());
    scheduler.advanceBy(Duration.ofNanos(1));

    assertEquals(List.of(PollOutcome.EMPTY), poll.outcomes);
    assertEquals(0, engine.metrics().parkedPolls());
    assertEquals(1, engine.metrics().pollsAnsweredEmpty());
  }

  @Test
  void aMessageWakesTheParkedPollAndCancelsItsTimeout() {
    RealDuplexSession s = open();
    RecordingWaiter poll = new RecordingWaiter();
    engine.poll(s.address(), poll);
    engine.send(s, message("wake"));
    scheduler.advanceBy(POLL_TIMEOUT.multipliedBy(2));
    assertEquals(1, poll.outcomes.size(), "answered more than once: " + poll.outcomes);
    assertEquals("wake", body(poll.outcomes.get(0)));
  }

  @Test
  void messagesAreDeliveredInTheOrderTheyWereQueued() {
    RealDuplexSession s = open();
    for (String m : List.of("1", "2", "3")) {
      engine.send(s, message(m));
    }
    List<String> got = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      got.add(body(engine.poll(s.address(), new RecordingWaiter())));
    }
    assertEquals(List.of("1", "2", "3"), got);
  }

  @Test
  void aMessageWhoseAnswerCouldNotBeWrittenIsFirstInLineForTheNextPoll() {
    RealDuplexSession s = open();
    engine.send(s, message("lost on the wire"));
    engine.send(s, message("second"));
    PollOutcome.Deliver first = (PollOutcome.Deliver) engine.poll(s.address(), new RecordingWaiter());

    engine.redeliver(first.message()); // the client vanished while we wrote it

    assertEquals("lost on the wire", body(engine.poll(s.address(), new RecordingWaiter())));
    assertEquals("second", body(engine.poll(s.address(), new RecordingWaiter())));
  }

  @Test
  void aMessageQueuedWhileAPollIsBeingAnsweredWaitsForTheNextPoll() {
    RealDuplexSession s = open();
    engine.send(s, message("being written"));
    PollOutcome answering = engine.poll(s.address(), new RecordingWaiter()); // taken, not yet written

    engine.send(s, message("arrived meanwhile"));

    assertEquals("being written", body(answering));
    assertEquals(1, s.queuedMessages(), "queued, not handed to the poll already answered");
    assertEquals("arrived meanwhile", body(engine.poll(s.address(), new RecordingWaiter())));
  }

  @Test
  void aRedeliveredMessageGoesToAPollParkedMeanwhile() {
    RealDuplexSession s = open();
    engine.send(s, message("retry me"));
    PollOutcome.Deliver first = (PollOutcome.Deliver) engine.poll(s.address(), new RecordingWaiter());
    RecordingWaiter next = new RecordingWaiter();
    assertNull(engine.poll(s.address(), next));

    engine.redeliver(first.message());

    assertEquals("retry me", body(next.outcomes.get(0)));
  }

  @Test
  void sessionEndsAfterInactivityNoLaterThanOneSweepInterval() {
    RealDuplexSession s = open();
    scheduler.advanceBy(INACTIVITY.minusNanos(1));
    assertTrue(s.isOpen());
    scheduler.advanceBy(engine.sweepInterval());
    assertFalse(s.isOpen());
    assertEquals(List.of("ended INACTIVITY_TIMEOUT"), events);
    DuplexFault f = assertThrows(DuplexFault.class, () -> engine.sessionForCall(s.header()));
    assertEquals(DuplexFault.Kind.SESSION_ENDED, f.kind());
  }

  @Test
  void endingASessionDropsItsQueueAndCountsTheDrop() {
    RealDuplexSession s = open();
    engine.send(s, message("a"));
    engine.send(s, message("b"));
    s.close();
    assertEquals(2, engine.metrics().messagesDropped());
    assertEquals(0, engine.metrics().queuedMessages());
    assertThrows(DuplexFault.class, () -> engine.poll(s.address(), new RecordingWaiter()));
  }

  @Test
  void aCallNamingAKnownSessionWithAnotherAddressIsRefused() {
    RealDuplexSession s = open();
    DuplexFault f = assertThrows(DuplexFault.class,
        () -> engine.sessionForCall(new DuplexHeader(NetDuplex.WCF_ANONYMOUS_URI_PREFIX + "other", s.id())));
    assertEquals(DuplexFault.Kind.ADDRESS_MISMATCH, f.kind());
  }

  @Test
  void everyParkedPollIsCompletedExactlyOnceWhateverRacesIt() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 500; round++) {
        RealDuplexSession s = open();
        RecordingWaiter poll = new RecordingWaiter();
        assertNull(engine.poll(s.address(), poll));
        CountDownLatch go = new CountDownLatch(1);
        pool.submit(() -> { await(go); engine.offer(s, message("m")); });
        pool.submit(() -> { await(go); scheduler.advanceBy(POLL_TIMEOUT); });
        pool.submit(() -> { await(go); engine.poll(s.address(), new RecordingWaiter()); });
        go.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (poll.outcomes.isEmpty() && System.nanoTime() < deadline) {
          Thread.onSpinWait();
        }
        Thread.sleep(1); // let any late racer try
        assertEquals(1, poll.outcomes.size(), "round " + round + ": " + poll.outcomes);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private RealDuplexSession open() {
    return engine.sessionForCall(new DuplexHeader(NetDuplex.WCF_ANONYMOUS_URI_PREFIX + UUID.randomUUID(),
        UUID.randomUUID().toString()));
  }

  private static CallbackMessage message(String text) {
    return new CallbackMessage(text.getBytes(StandardCharsets.UTF_8), "action");
  }

  private static String body(PollOutcome outcome) {
    PollOutcome.Deliver d = assertInstanceOf(PollOutcome.Deliver.class, outcome);
    return new String(d.message().message().body(), StandardCharsets.UTF_8);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Records every outcome a poll is answered with. */
  static final class RecordingWaiter implements PollWaiter {
    final List<PollOutcome> outcomes = new CopyOnWriteArrayList<>();

    @Override
    public void wake(PollOutcome outcome) {
      outcomes.add(outcome);
    }
  }
}
