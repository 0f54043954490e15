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
 *
 * <p>An address whose client acks (docs/protocol.md section 15) also has a {@link DeliveryStream}:
 * what a poll takes is numbered and stays in flight, and is sent again, first, until acked. An
 * address that never acked has none and behaves exactly as before.
 */
final class Mailbox {
  final String address;
  private final StoreContext context;
  private final ArrayDeque<QueuedMessage> queue = new ArrayDeque<>();
  private final List<RealDuplexSession> sessions = new ArrayList<>(1);
  private ParkedPoll parked;
  private boolean closed;
  /** Null until the first poll carrying {@code nda:Ack}: the address then acks for the mailbox's life. */
  private DeliveryStream delivery;

  Mailbox(String address, StoreContext context) {
    this.address = address;
    this.context = context;
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

  /** Messages of {@code session} not yet delivered: queued, and in flight on an acking address. */
  synchronized int queuedFor(RealDuplexSession session) {
    return session.queued + session.inFlight;
  }

  /** {@code poll}, when handed the message, must be completed with {@code handed} (numbered if the address acks). */
  record Offer(SessionStore.OfferStatus status, ParkedPoll poll, QueuedMessage handed) {
    static final Offer QUEUED = new Offer(SessionStore.OfferStatus.QUEUED, null, null);
    static final Offer QUEUE_FULL = new Offer(SessionStore.OfferStatus.QUEUE_FULL, null, null);
    static final Offer SESSION_ENDED = new Offer(SessionStore.OfferStatus.SESSION_ENDED, null, null);
  }

  /**
   * Half-closes {@code session} (the client sent netdx:CloseSession): it takes no more messages.
   * Returns true if nothing of it is left to deliver, so the caller must end it now.
   */
  synchronized boolean closeByClient(RealDuplexSession session) {
    session.markClosedByClient();
    return session.queued == 0 && session.inFlight == 0;
  }

  /** Whether a session half-closed by its client has delivered its last message and must end. */
  synchronized boolean drained(RealDuplexSession session) {
    return session.closedByClient() && session.queued == 0 && session.inFlight == 0;
  }

  /** Queues {@code m}, or hands it to the parked poll, which the caller then completes. */
  synchronized Offer offer(QueuedMessage m, int maxPerSession) {
    if (closed || !m.session().isOpen()) {
      return Offer.SESSION_ENDED;
    }
    if (parked != null) { // nothing is in flight while a poll is parked: it would have been resent
      return new Offer(SessionStore.OfferStatus.HANDED_TO_POLL, takeParked(), delivery == null ? m : delivery.hand(m));
    }
    if (m.session().queued + m.session().inFlight >= maxPerSession) {
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
   * next message, which the caller hands it. A message of an ended session is dropped (a
   * half-closed session still drains its queue). Ignores the bound: the messages were already
   * accepted. A numbered message is still in flight (or was acked or dropped since): nothing to put
   * back, the next poll gets it first.
   */
  synchronized Requeue requeueFirst(List<QueuedMessage> messages) {
    int dropped = 0;
    for (int i = messages.size() - 1; i >= 0; i--) {
      QueuedMessage m = messages.get(i);
      if (m.numbered()) {
        continue;
      }
      if (closed || m.session().ended()) {
        dropped++;
        continue;
      }
      queue.addFirst(m);
      m.session().queued++;
    }
    if (parked == null) {
      return new Requeue(dropped, null, null);
    }
    QueuedMessage next = next();
    return next == null ? new Requeue(dropped, null, null) : new Requeue(dropped, takeParked(), next);
  }

  /**
   * What {@link #poll} decided: deliver {@code message} now, or park and end {@code replaced}; the
   * poll's ack released {@code released} (in order), which the caller counts delivered.
   * {@code ackBeyondSent}: the ack named a number above any sent.
   */
  record PollStart(QueuedMessage message, ParkedPoll replaced, boolean ended, List<QueuedMessage> released,
      boolean ackBeyondSent) {}

  /**
   * An {@code nda:Ack} outside a poll (on a session close): releases what it covers, nothing else;
   * returns the released messages, which the caller counts delivered.
   */
  synchronized List<QueuedMessage> acknowledge(DeliveryAck ack) {
    return delivery == null ? List.of() : delivery.release(ack);
  }

  /**
   * A poll, with what its {@code nda:Ack} said ({@code ack}; null if it had none). The first ack makes
   * the address acking. The ack releases what it covers; then the lowest message still in flight is
   * sent again, else the queue's head, else the poll parks.
   */
  synchronized PollStart poll(ParkedPoll poll, DeliveryAck ack) {
    if (closed) {
      return new PollStart(null, null, true, List.of(), false);
    }
    List<QueuedMessage> released = List.of();
    boolean beyond = false;
    if (ack != null) {
      if (delivery == null) {
        delivery = DeliveryStream.fresh();
      }
      beyond = delivery.beyondSent(ack);
      released = delivery.release(ack);
    }
    QueuedMessage next = next();
    if (next != null) {
      return new PollStart(next, null, false, released, beyond);
    }
    ParkedPoll replaced = parked != null ? takeParked() : null;
    parked = poll;
    context.pollParked();
    return new PollStart(null, replaced, false, released, beyond);
  }

  /** The message a poll gets: the lowest in flight (acking address), else the queue's head, numbered if acking. */
  private QueuedMessage next() {
    QueuedMessage resend = delivery == null ? null : delivery.first();
    return resend != null ? resend : takeHead();
  }

  private QueuedMessage takeHead() {
    QueuedMessage head = queue.pollFirst();
    if (head == null) {
      return null;
    }
    head.session().queued--;
    return delivery == null ? head : delivery.hand(head);
  }

  /**
   * Takes, in order, the messages to send after {@code first} now, up to {@code maxMessages} and
   * {@code maxBytes} of {@link QueuedMessage#batchBytes batch bytes}: the rest of a batch answer
   * ({@code MULTIPLE_MESSAGES_PER_POLL}). On an acking address those in flight after {@code first}
   * come first, then queued ones (numbered as they are taken). Stops at the first message that does
   * not fit.
   */
  synchronized List<QueuedMessage> drain(QueuedMessage first, int maxMessages, long maxBytes, boolean soap12) {
    List<QueuedMessage> taken = new ArrayList<>();
    long bytes = 0;
    if (delivery != null && first.numbered()) {
      for (QueuedMessage m : delivery.after(first.sequence())) {
        bytes += m.batchBytes(soap12);
        if (taken.size() >= maxMessages || bytes > maxBytes) {
          return taken;
        }
        taken.add(m);
      }
    }
    while (taken.size() < maxMessages && !queue.isEmpty()) {
      QueuedMessage next = queue.peekFirst();
      // A numbered message carries its nda:Sequence too: budgeted with the widest number, never under.
      bytes += next.batchBytes(soap12) + (delivery == null ? 0 : sequenceBytes(next));
      if (bytes > maxBytes) {
        break;
      }
      taken.add(takeHead());
    }
    return taken;
  }

  private long sequenceBytes(QueuedMessage m) {
    return m.numbered(delivery.id, Long.MAX_VALUE).batchBytes(false) - m.batchBytes(false);
  }

  /**
   * A taken message that cannot be encoded at all: taken out of flight so no poll gets it again.
   * True if it was numbered and still in flight (its drop is the caller's to count).
   */
  synchronized boolean discard(QueuedMessage m) {
    return m.numbered() && delivery != null && delivery.discard(m);
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
    if (delivery != null) {
      dropped += delivery.dropSession(session);
    }
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
    context.pollUnparked();
    return p;
  }
}
