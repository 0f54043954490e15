package org.netduplex.server;

/**
 * A snapshot of an endpoint's counters. Gauges ({@code openSessions}, {@code parkedPolls},
 * {@code queuedMessages}) are current values; the rest count since the feature started.
 * {@code pollsAnsweredWithMessages} counts poll answers that carried one message or more (more than
 * one only in {@code MULTIPLE_MESSAGES_PER_POLL}). {@code lateCallbackReplies} counts answers to
 * two-way callbacks that came after their call had ended (timed out, or its session ended): dropped.
 * {@code deliveryNanos} is the time from queueing to the answer written, summed over the
 * {@code messagesDelivered}. {@code faultsByCode} counts the faults answered, by fault code (the
 * local name of the SOAP 1.1 {@code faultcode}, or of the SOAP 1.2 subcode if there is one, else
 * of the code: {@code SessionEnded}, {@code UnknownAddress}, {@code Client}, {@code Sender}, ...).
 */
public record DuplexMetrics(
    int openSessions,
    int parkedPolls,
    long queuedMessages,
    long sessionsOpened,
    long sessionsEnded,
    long messagesQueued,
    long messagesDelivered,
    long messagesRefused,
    long messagesDropped,
    long pollsAnsweredEmpty,
    long pollsAnsweredWithMessages,
    long lateCallbackReplies,
    long deliveryNanos,
    java.util.Map<String, Long> faultsByCode) {
  /**
   * A snapshot; {@code faultsByCode} is copied, so the record is immutable.
   *
   * @param openSessions sessions open now
   * @param parkedPolls polls parked now
   * @param queuedMessages callback messages waiting now, over all sessions
   * @param sessionsOpened sessions opened
   * @param sessionsEnded sessions ended, for any reason
   * @param messagesQueued callback messages queued
   * @param messagesDelivered callback messages written in poll answers
   * @param messagesRefused callback messages refused for a full queue
   * @param messagesDropped queued callback messages dropped with their ended session
   * @param pollsAnsweredEmpty polls answered with an empty {@code 200}
   * @param pollsAnsweredWithMessages poll answers that carried one message or more
   * @param lateCallbackReplies answers to two-way callbacks that came too late
   * @param deliveryNanos nanoseconds from queueing to answer written, summed
   * @param faultsByCode faults answered, by fault code; copied
   */
  public DuplexMetrics {
    faultsByCode = java.util.Map.copyOf(faultsByCode);
  }
}
