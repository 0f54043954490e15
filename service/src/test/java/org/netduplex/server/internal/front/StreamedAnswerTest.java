package org.netduplex.server.internal.front;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.NetDuplex;
import org.netduplex.core.internal.BatchPartReader;
import org.netduplex.core.internal.MessageBatch;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.internal.CallbackMessage;
import org.netduplex.server.internal.DuplexEngine;
import org.netduplex.server.internal.PollOutcome;
import org.netduplex.server.internal.RealDuplexSession;
import org.netduplex.testing.FakeScheduler;

/**
 * {@link StreamedAnswer} against the real engine, at the two points a socket cannot be made to hit on
 * cue (docs/protocol.md section 19): a write that fails mid-answer, and writes that complete on the
 * stack that issued them while messages keep coming. The container side is {@link Wire}, which
 * records what is written and completes or fails each write as the test says.
 */
class StreamedAnswerTest {
  private final FakeScheduler clock = new FakeScheduler();
  /** Room for 1,000 parts: only the part bound or the window could close an answer here. */
  private final DuplexEngine engine = new DuplexEngine(DuplexServerConfig.builder().scheduler(clock)
      .maxBatchBytes(1 << 24).build());
  private final RealDuplexSession session = engine.sessionForCall(
      new DuplexHeader(NetDuplex.WCF_ANONYMOUS_URI_PREFIX + UUID.randomUUID(), UUID.randomUUID().toString()));
  private final AnswerForm form = new AnswerForm(false, false, true, true);

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void aWriteThatFailsMidAnswerPutsItsMessagesBackFirstInOrderAndKeepsWhatWasWritten() {
    Wire wire = new Wire();
    engine.send(session, message("1"));
    StreamedAnswer.start(engine, wire, form, delivered(engine.poll(session.address(), o -> { })));
    assertEquals(List.of("1"), wire.parts());

    wire.holdWrites = true; // the next write is in flight when the client goes away
    engine.send(session, message("2")); // handed to the waiting answer, written
    engine.send(session, message("3")); // queued behind it
    wire.pending.fail();

    assertEquals(List.of("1", "2"), wire.parts(), "what was attempted");
    assertEquals(1, engine.metrics().messagesDelivered(), "only what was written");
    assertEquals(List.of("2", "3"), List.of(nextBody(), nextBody()), "back first, in order");
    assertTrue(wire.ended, "the answer ended with its failed write");
  }

  @Test
  void writesThatCompleteAtOnceWhileMessagesKeepComingDoNotGrowTheStack() {
    Wire wire = new Wire();
    int[] sent = {1};
    // Each write completes on its own stack, and one more message is queued meanwhile: a recursive
    // answer would go 1,000 writes deep.
    wire.duringWrite = () -> {
      if (sent[0] < 1_000) {
        engine.send(session, message(String.valueOf(++sent[0])));
      }
    };
    engine.send(session, message("1"));

    StreamedAnswer.start(engine, wire, form, delivered(engine.poll(session.address(), o -> { })));

    assertEquals(1_000, wire.parts().size());
    for (int i = 0; i < 1_000; i++) {
      assertEquals(String.valueOf(i + 1), wire.parts().get(i));
    }
    assertTrue(wire.deepest - wire.shallowest < 20, "stack grew from " + wire.shallowest + " to " + wire.deepest);
    assertEquals(1_000, engine.metrics().messagesDelivered());
  }

  private static org.netduplex.server.internal.QueuedMessage delivered(PollOutcome outcome) {
    return assertInstanceOf(PollOutcome.Deliver.class, outcome).message();
  }

  private String nextBody() {
    PollOutcome o = engine.poll(session.address(), outcome -> { });
    return new String(assertInstanceOf(PollOutcome.Deliver.class, o).message().message().body(), StandardCharsets.UTF_8);
  }

  private static CallbackMessage message(String text) {
    return new CallbackMessage(text.getBytes(StandardCharsets.UTF_8), "action");
  }

  /** The container side of one streamed answer: records the body's parts and completes writes on cue. */
  private static final class Wire implements PollExchange {
    final List<String> envelopes = new ArrayList<>();
    BatchPartReader reader;
    boolean holdWrites;
    Runnable duringWrite = () -> { };
    Pending pending;
    boolean ended;
    int shallowest = Integer.MAX_VALUE;
    int deepest;

    record Pending(Runnable written, Runnable failed) {
      void fail() {
        failed.run();
      }
    }

    List<String> parts() {
      return envelopes.stream().map(e -> e.substring(e.indexOf("<s:Body>") + 8, e.indexOf("</s:Body>"))).toList();
    }

    @Override
    public void startStream(String contentType) {
      assertTrue(MessageBatch.isBatch(contentType), contentType);
      reader = new BatchPartReader(contentType, 1 << 20);
    }

    @Override
    public void writeStream(byte[] bytes, boolean last, Runnable written, Runnable failed) {
      int depth = Thread.currentThread().getStackTrace().length;
      shallowest = Math.min(shallowest, depth);
      deepest = Math.max(deepest, depth);
      reader.feed(bytes, 0, bytes.length).forEach(p -> envelopes.add(new String(p, StandardCharsets.UTF_8)));
      if (holdWrites) {
        pending = new Pending(written, () -> {
          ended = true;
          failed.run();
        });
        return;
      }
      duringWrite.run();
      ended |= last;
      written.run();
    }

    @Override
    public void park(Runnable containerEnded) {
      throw new AssertionError("a streamed answer does not park its exchange");
    }

    @Override
    public void answer(String contentType, byte[] body, Runnable written, Runnable failed) {
      throw new AssertionError("a streamed answer is not buffered");
    }

    @Override
    public void answerEmpty() {
      throw new AssertionError("a streamed answer is not empty");
    }

    @Override
    public void passOn(PollOutcome decided) {
      throw new AssertionError("a streamed answer is not handed on");
    }
  }
}
