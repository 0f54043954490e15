package org.netduplex.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.NetDuplex;
import org.netduplex.server.CallbackQueueFullException;
import org.netduplex.server.CallbackTimeoutException;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.SessionEndReason;
import org.netduplex.server.SessionEndedException;
import org.netduplex.testing.FakeScheduler;

/** Two-way callbacks in the engine, without CXF: each waiting call ends exactly once. */
class PendingCallbackRepliesTest {
  private static final Duration TIMEOUT = Duration.ofMillis(200);

  private final FakeScheduler scheduler = new FakeScheduler();
  private final DuplexEngine engine = new DuplexEngine(DuplexServerConfig.builder()
      .scheduler(scheduler).callbackReplyTimeout(TIMEOUT).maxPendingMessagesPerSession(1).build());

  @AfterEach
  void close() {
    engine.close();
  }

  private RealDuplexSession open() {
    return engine.sessionForCall(new DuplexHeader(NetDuplex.WCF_ANONYMOUS_URI_PREFIX + UUID.randomUUID(),
        UUID.randomUUID().toString()));
  }

  private static CompletableFuture<CallbackOperationsTest.Bean> ask(RealDuplexSession s) {
    return s.callbackAsync(CallbackOperationsTest.Contract.class, c -> c.ask(new CallbackOperationsTest.Bean()))
        .toCompletableFuture();
  }

  private static Throwable failureOf(CompletableFuture<?> call) {
    return assertThrows(ExecutionException.class, () -> call.get(5, TimeUnit.SECONDS)).getCause();
  }

  /** The id the request went out with, from the message queued for the session. */
  private static String queuedId(RealDuplexSession s) {
    return s.mailbox.poll(new ParkedPoll(outcome -> { }), null).message().message().messageId();
  }

  @Test
  void anAnswerCompletesItsCallOnceAndALaterOneIsCountedLate() throws Exception {
    RealDuplexSession s = open();
    CompletableFuture<CallbackOperationsTest.Bean> call = ask(s);
    String id = queuedId(s);
    CallbackOperationsTest.Bean value = new CallbackOperationsTest.Bean();

    PendingCallbackReplies.Pending pending = engine.callbackReplies().find(id);
    assertTrue(engine.callbackReplies().complete(pending, value));
    assertEquals(value, call.get(5, TimeUnit.SECONDS));
    assertFalse(engine.callbackReplies().complete(pending, value));
    assertNull(engine.callbackReplies().find(id));
    assertEquals(1, engine.metrics().lateCallbackReplies());
    assertEquals(0, scheduler.pendingDelays().stream().filter(TIMEOUT::equals).count(), "its timer was cancelled");
  }

  @Test
  void aCallTimesOutAfterTheReplyTimeoutAndNotBefore() {
    RealDuplexSession s = open();
    CompletableFuture<CallbackOperationsTest.Bean> call = ask(s);
    scheduler.advanceBy(TIMEOUT.minusMillis(1));
    assertFalse(call.isDone());
    scheduler.advanceBy(Duration.ofMillis(1));
    CallbackTimeoutException timeout = assertInstanceOf(CallbackTimeoutException.class, failureOf(call));
    assertEquals("Contract.ask", timeout.operation());
    assertEquals(0, engine.callbackReplies().waiting());
  }

  @Test
  void aRequestTheQueueRefusesLeavesNothingWaiting() {
    RealDuplexSession s = open();
    s.callback(CallbackOperationsTest.Contract.class).tell(new CallbackOperationsTest.Bean()); // fills the queue of 1
    assertThrows(CallbackQueueFullException.class, () -> ask(s));
    assertEquals(0, engine.callbackReplies().waiting());
    assertEquals(0, scheduler.pendingDelays().stream().filter(TIMEOUT::equals).count());
  }

  @Test
  void anEndingSessionFailsItsOwnCallsOnly() throws Exception {
    RealDuplexSession ending = open();
    RealDuplexSession other = open();
    CompletableFuture<CallbackOperationsTest.Bean> mine = ask(ending);
    CompletableFuture<CallbackOperationsTest.Bean> theirs = ask(other);

    engine.endSession(ending, SessionEndReason.CLOSED_BY_SERVICE);
    assertInstanceOf(SessionEndedException.class, failureOf(mine));
    assertFalse(theirs.isDone());
    assertEquals(1, engine.callbackReplies().waiting());
  }
}
