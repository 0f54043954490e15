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
  public DuplexMetrics {
    faultsByCode = java.util.Map.copyOf(faultsByCode);
  }
}
