package org.netduplex.server.internal;

import java.util.Map;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.netduplex.server.DuplexMetrics;

/** Counters updated on the hot path without contention. */
final class EngineMetrics {
  private final AtomicInteger parkedPolls = new AtomicInteger();
  private final LongAdder sessionsOpened = new LongAdder();
  private final LongAdder sessionsEnded = new LongAdder();
  private final LongAdder messagesQueued = new LongAdder();
  private final LongAdder messagesDelivered = new LongAdder();
  private final LongAdder messagesRefused = new LongAdder();
  private final LongAdder messagesDropped = new LongAdder();
  private final LongAdder pollsAnsweredEmpty = new LongAdder();
  private final LongAdder pollsAnsweredWithMessages = new LongAdder();
  private final LongAdder deliveryNanos = new LongAdder();
  private final Map<String, LongAdder> faults = new ConcurrentHashMap<>(); // few: the protocol's, SOAP's and the contract's declared faults

  void pollParked() {
    parkedPolls.incrementAndGet();
  }

  void pollUnparked() {
    parkedPolls.decrementAndGet();
  }

  void sessionOpened() {
    sessionsOpened.increment();
  }

  void sessionEnded(int droppedMessages) {
    sessionsEnded.increment();
    messagesDropped.add(droppedMessages);
  }

  void messageQueued() {
    messagesQueued.increment();
  }

  /** A message's answer was written, {@code waitedNanos} after it was queued. */
  void messageDelivered(long waitedNanos) {
    messagesDelivered.increment();
    deliveryNanos.add(Math.max(0, waitedNanos));
  }

  void faultAnswered(String code) {
    faults.computeIfAbsent(code, c -> new LongAdder()).increment();
  }

  void messageRefused() {
    messagesRefused.increment();
  }

  void messageDropped() {
    messagesDropped.increment();
  }

  void pollAnsweredWithMessages() {
    pollsAnsweredWithMessages.increment();
  }

  void pollAnsweredEmpty() {
    pollsAnsweredEmpty.increment();
  }

  DuplexMetrics snapshot(int openSessions, long lateCallbackReplies) {
    long queued = messagesQueued.sum();
    long gone = messagesDelivered.sum() + messagesDropped.sum();
    return new DuplexMetrics(openSessions, parkedPolls.get(), Math.max(0, queued - gone),
        sessionsOpened.sum(), sessionsEnded.sum(), queued, messagesDelivered.sum(),
        messagesRefused.sum(), messagesDropped.sum(), pollsAnsweredEmpty.sum(), pollsAnsweredWithMessages.sum(),
        lateCallbackReplies, deliveryNanos.sum(), faultCounts());
  }

  private Map<String, Long> faultCounts() {
    Map<String, Long> counts = new HashMap<>();
    faults.forEach((code, n) -> counts.put(code, n.sum()));
    return counts;
  }
}
