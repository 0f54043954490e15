package org.netduplex.server.internal.cxf;

import org.netduplex.server.internal.front.AnswerForm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.cxf.continuations.Continuation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.NetDuplex;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.internal.CallbackMessage;
import org.netduplex.server.internal.DuplexEngine;
import org.netduplex.server.internal.PollOutcome;
import org.netduplex.server.internal.QueuedMessage;
import org.netduplex.server.internal.RealDuplexSession;
import org.netduplex.testing.FakeScheduler;

/**
 * A poll answered just as its client disconnects: the messages go back, first in line and in order,
 * for the next poll (CONCURRENCY.md rules 4 and 5). A real socket cannot be made to fail at a chosen
 * write, so the two failure points are driven directly: the response write throws, or the container's
 * own timeout answered the request before the engine did.
 */
class FailedPollAnswerTest {
  private final DuplexEngine engine = new DuplexEngine(DuplexServerConfig.builder().scheduler(new FakeScheduler()).build());
  private final RealDuplexSession session = engine.sessionForCall(
      new DuplexHeader(NetDuplex.WCF_ANONYMOUS_URI_PREFIX + UUID.randomUUID(), UUID.randomUUID().toString()));

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void aBatchWhoseWriteFailsIsQueuedAgainInOrderAndNotCountedDelivered() {
    engine.send(session, message("1"));
    engine.send(session, message("2"));
    engine.send(session, message("3"));
    QueuedMessage first = ((PollOutcome.Deliver) engine.poll(session.address(), o -> { })).message();
    List<QueuedMessage> batch = new java.util.ArrayList<>(List.of(first));
    batch.addAll(engine.takeMore(first, 3, 1 << 16, false));

    PollResponseWriter.writeMessages(clientGone(), batch, new AnswerForm(false, false, true), engine);

    assertEquals(0, engine.metrics().messagesDelivered());
    assertEquals(List.of("1", "2", "3"), List.of(nextBody(), nextBody(), nextBody()));
  }

  @Test
  void aBatchWhoseWriteFailsWhileANewerPollIsParkedGoesToThatPollFromItsFirstMessage() {
    engine.send(session, message("1"));
    engine.send(session, message("2"));
    engine.send(session, message("3"));
    QueuedMessage first = ((PollOutcome.Deliver) engine.poll(session.address(), o -> { })).message();
    List<QueuedMessage> batch = new java.util.ArrayList<>(List.of(first));
    batch.addAll(engine.takeMore(first, 3, 1 << 16, false));
    java.util.concurrent.atomic.AtomicReference<PollOutcome> parked = new java.util.concurrent.atomic.AtomicReference<>();
    assertNull(engine.poll(session.address(), parked::set)); // the client gave up and polled again

    PollResponseWriter.writeMessages(clientGone(), batch, new AnswerForm(false, false, true), engine);

    PollOutcome answered = parked.get();
    assertEquals("1", new String(assertInstanceOf(PollOutcome.Deliver.class, answered).message().message().body(),
        StandardCharsets.UTF_8));
    assertEquals(List.of("2", "3"), List.of(nextBody(), nextBody()));
    assertEquals(0, engine.metrics().parkedPolls());
    assertEquals(0, engine.metrics().messagesDropped());
  }

  @Test
  void aMessageForAPollTheContainerAlreadyTimedOutGoesToTheNextPoll() {
    ContinuationPollWaiter waiter = new ContinuationPollWaiter(engine, new ParkedRequests());
    assertNull(engine.poll(session.address(), waiter));
    assertNull(waiter.suspendUnlessWoken(noOpContinuation(), 1_000));
    assertNull(waiter.takeOutcomeOrAbandon()); // the container's timeout resumed the request first

    engine.send(session, message("late")); // handed to the abandoned poll, which gives it back

    assertEquals("late", nextBody());
  }

  @Test
  void aMessageThatCannotBeEncodedInBinaryIsDroppedOnceLoggedAndTheRestOfTheBatchIsAnswered() throws Exception {
    engine.send(session, message("<m>1</m>"));
    engine.send(session, message("<m>\u001B</m>")); // no XML character: msbin1 transcoding refuses it
    engine.send(session, message("<m>3</m>"));
    QueuedMessage first = ((PollOutcome.Deliver) engine.poll(session.address(), o -> { })).message();
    List<QueuedMessage> batch = new java.util.ArrayList<>(List.of(first));
    batch.addAll(engine.takeMore(first, 3, 1 << 16, true));
    BatchSizeTest.Captured answer = new BatchSizeTest.Captured();
    List<java.util.logging.LogRecord> warnings = warningsDuring(() ->
        PollResponseWriter.writeMessages(answer.response(), batch, new AnswerForm(true, true, true), engine));

    List<byte[]> parts = org.netduplex.core.internal.MessageBatch.decode(answer.contentType, answer.body.toByteArray());
    assertEquals(2, parts.size());
    assertTrue(org.netduplex.msbin.Msbin.toText(parts.get(0)).contains("<m>1</m>"));
    assertTrue(org.netduplex.msbin.Msbin.toText(parts.get(1)).contains("<m>3</m>"));
    assertEquals(1, engine.metrics().messagesDropped());
    assertEquals(2, engine.metrics().messagesDelivered());
    assertEquals(1, warnings.size(), warnings.toString());
  }

  @Test
  void aPollWhoseOnlyMessageCannotBeEncodedIsAnsweredEmptyNotLeftHanging() {
    engine.send(session, message("<m>\u0000</m>"));
    QueuedMessage only = ((PollOutcome.Deliver) engine.poll(session.address(), o -> { })).message();
    BatchSizeTest.Captured answer = new BatchSizeTest.Captured();
    List<Integer> statuses = new java.util.ArrayList<>();
    List<java.util.logging.LogRecord> warnings = warningsDuring(() -> PollResponseWriter.writeMessages(
        answer.response(statuses), List.of(only), new AnswerForm(false, true, false), engine));

    assertEquals(List.of(200), statuses);
    assertEquals(0, answer.body.size());
    assertEquals(1, engine.metrics().messagesDropped());
    assertEquals(0, engine.metrics().messagesDelivered());
    assertEquals(0, engine.metrics().queuedMessages());
    assertEquals(1, warnings.size(), warnings.toString());
  }

  private static List<java.util.logging.LogRecord> warningsDuring(Runnable action) {
    java.util.logging.Logger log = java.util.logging.Logger.getLogger(org.netduplex.server.internal.front.PollAnswer.class.getName());
    List<java.util.logging.LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Handler handler = new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord r) {
        if (r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
          records.add(r);
        }
      }

      @Override
      public void flush() { }

      @Override
      public void close() { }
    };
    log.addHandler(handler);
    try {
      action.run();
    } finally {
      log.removeHandler(handler);
    }
    return records;
  }

  private String nextBody() {
    PollOutcome o = engine.poll(session.address(), outcome -> { });
    return new String(assertInstanceOf(PollOutcome.Deliver.class, o).message().message().body(), StandardCharsets.UTF_8);
  }

  private static CallbackMessage message(String text) {
    return new CallbackMessage(text.getBytes(StandardCharsets.UTF_8), "action");
  }

  /** A response whose connection is gone: every write fails as Jetty's does (an IOException). */
  private static HttpServletResponse clientGone() {
    return (HttpServletResponse) Proxy.newProxyInstance(FailedPollAnswerTest.class.getClassLoader(),
        new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
          if (method.getName().equals("getOutputStream") || method.getName().equals("flushBuffer")) {
            throw new IOException("Broken pipe");
          }
          return null;
        });
  }

  private static Continuation noOpContinuation() {
    return (Continuation) Proxy.newProxyInstance(FailedPollAnswerTest.class.getClassLoader(),
        new Class<?>[] {Continuation.class}, (proxy, method, args) ->
            method.getReturnType() == boolean.class ? Boolean.FALSE : null);
  }
}
