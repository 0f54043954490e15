package org.netduplex.server.internal.front;

import java.util.ArrayList;
import java.util.List;
import org.netduplex.core.internal.MessageBatch;
import org.netduplex.server.internal.DuplexEngine;
import org.netduplex.server.internal.PollOutcome;
import org.netduplex.server.internal.PollWaiter;
import org.netduplex.server.internal.QueuedMessage;

/**
 * A batch answer that stays open and carries messages as they are queued (docs/protocol.md section
 * 19): one multipart part per message, written and flushed as it comes (those queued together in
 * one write), until {@code streamedAnswerWindow} has passed since the first part, or the next
 * message would pass {@code maxBatchBytes}, or a newer poll comes for the address; then the close
 * delimiter ends it and the client polls again. Between messages it is parked in the engine like a
 * poll ({@link DuplexEngine#pollMore}): no thread waits. Each message keeps its delivery rules: it
 * counts written once its part's write completed, a numbered one stays in flight until acked, and
 * a part that fails to write is queued again, first and in order ({@link DuplexEngine#redeliver}).
 *
 * <p>One write at a time: the next messages are taken only after a write completed, so parts never
 * interleave. A write that completes on the stack that issued it hands back to the loop in
 * {@link #send} instead of recursing, so a long stream of messages that are already queued cannot
 * grow the stack.
 */
final class StreamedAnswer implements PollWaiter {
  private final DuplexEngine engine;
  private final PollExchange exchange;
  private final AnswerForm form;
  private final String boundary = MessageBatch.newBoundary();
  private final long deadlineNanos;
  // Touched by one thread at a time: each step runs after the previous write or wake, which hand over.
  private long bytesLeft;
  private int partsLeft = MessageBatch.MAX_PARTS;
  private QueuedMessage last;
  private boolean opened;
  private boolean counted;
  private boolean writing; // guarded by this
  private boolean completedInline; // guarded by this

  private StreamedAnswer(DuplexEngine engine, PollExchange exchange, AnswerForm form) {
    this.engine = engine;
    this.exchange = exchange;
    this.form = form;
    this.bytesLeft = engine.config().maxBatchBytes();
    this.deadlineNanos = engine.nanoTime() + engine.config().streamedAnswerWindow().toNanos();
  }

  /** Starts the answer with {@code first}, the poll's message, and whatever is queued behind it now. */
  static void start(DuplexEngine engine, PollExchange exchange, AnswerForm form, QueuedMessage first) {
    StreamedAnswer answer = new StreamedAnswer(engine, exchange, form);
    answer.last = first; // names the address to wait on, even if no message of the first write encodes
    exchange.startStream(MessageBatch.contentType(answer.boundary));
    answer.send(answer.withQueued(first));
  }

  /** The answer was parked for more: the next message, or its end. */
  @Override
  public void wake(PollOutcome outcome) {
    List<QueuedMessage> next = messagesFor(outcome);
    if (next != null) {
      send(next);
    }
  }

  /** Writes {@code messages}, then what comes next, for as long as each write completes at once. */
  private void send(List<QueuedMessage> messages) {
    List<QueuedMessage> batch = messages;
    while (batch != null) {
      PollAnswer.Envelopes envelopes = PollAnswer.envelopes(batch, form, engine);
      if (envelopes == null) { // none could be encoded: dropped and counted
        batch = nextOrClose();
        continue;
      }
      List<QueuedMessage> sent = envelopes.sent();
      for (QueuedMessage m : sent) {
        bytesLeft -= m.batchBytes(form.soap12());
      }
      partsLeft -= sent.size();
      last = sent.get(sent.size() - 1);
      byte[] parts = MessageBatch.parts(envelopes.envelopes(), envelopes.contentType(), boundary, !opened);
      opened = true;
      synchronized (this) {
        writing = true;
        completedInline = false;
      }
      exchange.writeStream(parts, false, () -> written(sent), () -> engine.redeliver(sent));
      synchronized (this) {
        writing = false;
        if (!completedInline) {
          return; // the write completes later, and goes on from there
        }
      }
      batch = nextOrClose();
    }
  }

  private void written(List<QueuedMessage> sent) {
    if (!counted) {
      counted = true;
      engine.answeredWithMessages();
    }
    for (QueuedMessage m : sent) {
      engine.delivered(m);
    }
    synchronized (this) {
      if (writing) {
        completedInline = true; // send's loop goes on
        return;
      }
    }
    List<QueuedMessage> next = nextOrClose();
    if (next != null) {
      send(next);
    }
  }

  /** The messages to write now; null if the answer waits for one (it is woken) or was closed. */
  private List<QueuedMessage> nextOrClose() {
    if (bytesLeft <= 0 || partsLeft <= 0 || engine.nanoTime() - deadlineNanos >= 0) {
      close();
      return null;
    }
    PollOutcome now = engine.pollMore(last, deadlineNanos, bytesLeft, form.soap12(), this);
    return now == null ? null : messagesFor(now);
  }

  /** A message and what is queued behind it within the bounds, or null after closing the answer. */
  private List<QueuedMessage> messagesFor(PollOutcome outcome) {
    if (!(outcome instanceof PollOutcome.Deliver d)) {
      close(); // the window ended, a newer poll came, or the sessions ended (the next poll hears why)
      return null;
    }
    if (d.message().batchBytes(form.soap12()) > bytesLeft) {
      engine.redeliver(d.message()); // handed while parked, but it does not fit: first for the next poll
      close();
      return null;
    }
    return withQueued(d.message());
  }

  private List<QueuedMessage> withQueued(QueuedMessage first) {
    List<QueuedMessage> messages = new ArrayList<>();
    messages.add(first);
    messages.addAll(engine.takeMore(first, partsLeft, bytesLeft, form.soap12()));
    return messages;
  }

  private void close() {
    // Nothing opened the body if no message could be encoded: then it is an empty batch.
    byte[] end = opened ? MessageBatch.close() : MessageBatch.empty(boundary);
    exchange.writeStream(end, true, () -> { }, () -> { });
  }
}
