package org.netduplex.server.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * The numbering and the in-flight list of an acking address (docs/protocol.md section 15): every
 * message handed to a poll gets the next number and stays here, in order, until the client acks it
 * or its session ends. Guarded by its mailbox's lock; each method is one decision with plain inputs
 * and outputs, so a shared store could make the same steps atomically.
 */
final class DeliveryStream {
  final String id;
  private final ArrayDeque<QueuedMessage> inFlight = new ArrayDeque<>();
  private long lastNumber;

  DeliveryStream(String id) {
    this.id = id;
  }

  /** A stream with a fresh random id (122 random bits): an earlier mailbox's acks never match it. */
  static DeliveryStream fresh() {
    return new DeliveryStream(UUID.randomUUID().toString());
  }

  /** Numbers {@code m} and keeps it in flight; returns the numbered message, which the poll carries. */
  QueuedMessage hand(QueuedMessage m) {
    QueuedMessage numbered = m.numbered(id, ++lastNumber);
    inFlight.addLast(numbered);
    numbered.session().inFlight++;
    return numbered;
  }

  /**
   * Releases, in order, the messages {@code ack} covers: those numbered up to its highest, if it
   * names this stream; nothing for another stream or none. A number beyond what was sent covers
   * everything in flight.
   */
  List<QueuedMessage> release(DeliveryAck ack) {
    if (!id.equals(ack.stream())) {
      return List.of();
    }
    List<QueuedMessage> released = new ArrayList<>();
    while (!inFlight.isEmpty() && inFlight.peekFirst().sequence() <= ack.highest()) {
      QueuedMessage m = inFlight.pollFirst();
      m.session().inFlight--;
      released.add(m);
    }
    return released;
  }

  /** Whether {@code ack} names this stream and a number above any sent (a client bug or a restart). */
  boolean beyondSent(DeliveryAck ack) {
    return id.equals(ack.stream()) && ack.highest() > lastNumber;
  }

  /** The lowest message in flight, to be sent again before anything queued; null if none. */
  QueuedMessage first() {
    return inFlight.peekFirst();
  }

  /** The messages in flight numbered above {@code number}, in order: the rest of a resent batch. */
  List<QueuedMessage> after(long number) {
    List<QueuedMessage> later = new ArrayList<>();
    for (QueuedMessage m : inFlight) {
      if (m.sequence() > number) {
        later.add(m);
      }
    }
    return later;
  }

  /** Takes {@code m} out of flight without delivery (it cannot be encoded); false if it was not in flight. */
  boolean discard(QueuedMessage m) {
    if (inFlight.remove(m)) {
      m.session().inFlight--;
      return true;
    }
    return false;
  }

  /** Drops the messages in flight of an ended session; returns how many. */
  int dropSession(RealDuplexSession session) {
    int dropped = 0;
    for (Iterator<QueuedMessage> it = inFlight.iterator(); it.hasNext(); ) {
      if (it.next().session() == session) {
        it.remove();
        dropped++;
      }
    }
    session.inFlight = 0;
    return dropped;
  }
}
