package org.netduplex.server.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Everything waiting for one anonymous address: the queued callback messages of every session behind
 * it, in arrival order, and at most one parked poll. WCF multiplexes all sessions of an address over
 * one poll, so the mailbox, not the session, is what a poll drains.
 *
 * <p>Each method decides under the mailbox's lock and returns what the caller must do after it
 * (complete a poll, count a drop); nothing here does I/O or calls out.
 */
final class Mailbox {
  final String address;
  private final EngineMetrics metrics;
  private final ArrayDeque<QueuedMessage> queue = new ArrayDeque<>();
  private final List<RealDuplexSession> sessions = new ArrayList<>(1);
  private ParkedPoll parked;
  private boolean closed;

  Mailbox(String address, EngineMetrics metrics) {
    this.address = address;
    this.metrics = metrics;
  }

  /** Adds a session; false if this mailbox was just closed and a new one must be made. */
  synchronized boolean attach(RealDuplexSession session) {
    if (closed) {
      return false;
    }
    sessions.add(session);
    return true;
  }

  /** A poll is activity for every session behind the address. */
  synchronized void touchSessions(long nowNanos) {
    for (RealDuplexSession s : sessions) {
      s.touch(nowNanos);
    }
  }

  synchronized int queuedFor(RealDuplexSession session) {
    return session.queued;
  }

  /** What {@link #offer} decided. */
  enum OfferStatus { QUEUED, HANDED_TO_POLL, QUEUE_FULL, SESSION_ENDED }

  record Offer(OfferStatus status, ParkedPoll poll) {
    static final Offer QUEUED = new Offer(OfferStatus.QUEUED, null);
    static final Offer QUEUE_FULL = new Offer(OfferStatus.QUEUE_FULL, null);
    static final Offer SESSION_ENDED = new Offer(OfferStatus.SESSION_ENDED, null);
  }

  /**
   * Half-closes {@code session} (the client sent netdx:CloseSession): it takes no more messages.
   * Returns true if nothing of it is left to deliver, so the caller must end it now.
   */
  synchronized boolean closeByClient(RealDuplexSession session) {
    session.markClosedByClient();
    return session.queued == 0;
  }

  /** Whether a session half-closed by its client has delivered its last message and must end. */
  synchronized boolean drained(RealDuplexSession session) {
    return session.closedByClient() && session.queued == 0;
  }

  /** Queues {@code m}, or hands it to the parked poll, which the caller then completes. */
  synchronized Offer offer(QueuedMessage m, int maxPerSession) {
    if (closed || !m.session().isOpen()) {
      return Offer.SESSION_ENDED;
    }
    if (parked != null) {
      return new Offer(OfferStatus.HANDED_TO_POLL, takeParked());
    }
    if (m.session().queued >= maxPerSession) {
      return Offer.QUEUE_FULL;
    }
    queue.addLast(m);
    m.session().queued++;
    return Offer.QUEUED;
  }

  /** What {@link #requeueFirst} decided: {@code poll}, if any, must be completed with {@code head}. */
  record Requeue(int dropped, ParkedPoll poll, QueuedMessage head) {}

  /**
   * Puts back messages whose delivery failed (the client vanished mid-answer), all of them first in
   * line and in their order, in one step; only then, if a poll arrived since, takes it out with the
   * head of the queue, which the caller hands it. A message of an ended session is dropped (a
   * half-closed session still drains its queue). Ignores the bound: the messages were already
   * accepted.
   */
  synchronized Requeue requeueFirst(List<QueuedMessage> messages) {
    int dropped = 0;
    for (int i = messages.size() - 1; i >= 0; i--) {
      QueuedMessage m = messages.get(i);
      if (closed || m.session().ended()) {
        dropped++;
        continue;
      }
      queue.addFirst(m);
      m.session().queued++;
    }
    if (parked == null || queue.isEmpty()) {
      return new Requeue(dropped, null, null);
    }
    QueuedMessage head = queue.pollFirst();
    head.session().queued--;
    return new Requeue(dropped, takeParked(), head);
  }

  /** What {@link #poll} decided: deliver {@code message} now, or park and end {@code replaced}. */
  record PollStart(QueuedMessage message, ParkedPoll replaced, boolean ended) {}

  synchronized PollStart poll(ParkedPoll poll) {
    if (closed) {
      return new PollStart(null, null, true);
    }
    QueuedMessage next = queue.pollFirst();
    if (next != null) {
      next.session().queued--;
      return new PollStart(next, null, false);
    }
    ParkedPoll replaced = parked != null ? takeParked() : null;
    parked = poll;
    metrics.pollParked();
    return new PollStart(null, replaced, false);
  }

  /**
   * Takes, in order, the messages waiting now, up to {@code maxMessages} and {@code maxBytes} of
   * {@link QueuedMessage#batchBytes batch bytes}: the rest of a batch answer
   * ({@code MULTIPLE_MESSAGES_PER_POLL}). Stops at the first message that does not fit.
   */
  synchronized List<QueuedMessage> drain(int maxMessages, long maxBytes, boolean soap12) {
    List<QueuedMessage> taken = new ArrayList<>();
    long bytes = 0;
    while (taken.size() < maxMessages && !queue.isEmpty()) {
      QueuedMessage next = queue.peekFirst();
      bytes += next.batchBytes(soap12);
      if (bytes > maxBytes) {
        break;
      }
      queue.pollFirst();
      next.session().queued--;
      taken.add(next);
    }
    return taken;
  }

  /** Whether messages wait for the next poll ({@code wsmc:MessagePending}). */
  synchronized boolean hasQueued() {
    return !queue.isEmpty();
  }

  /** The poll's timeout fired: true if it was still parked here and the caller must answer it. */
  synchronized boolean expire(ParkedPoll poll) {
    if (parked != poll) {
      return false;
    }
    takeParked();
    return true;
  }

  /** What {@link #detach} did. */
  record Detach(int droppedMessages, ParkedPoll orphanedPoll, boolean mailboxClosed) {}

  /**
   * Removes an ended session and drops its queued messages. When no session is left the mailbox
   * closes, and its parked poll (returned) must be answered with a fault.
   */
  synchronized Detach detach(RealDuplexSession session) {
    sessions.remove(session);
    int dropped = 0;
    for (Iterator<QueuedMessage> it = queue.iterator(); it.hasNext(); ) {
      if (it.next().session() == session) {
        it.remove();
        dropped++;
      }
    }
    session.queued = 0;
    if (!sessions.isEmpty()) {
      return new Detach(dropped, null, false);
    }
    closed = true;
    return new Detach(dropped, parked != null ? takeParked() : null, true);
  }

  synchronized boolean hasParkedPoll() {
    return parked != null;
  }

  private ParkedPoll takeParked() {
    ParkedPoll p = parked;
    parked = null;
    metrics.pollUnparked();
    return p;
  }
}
