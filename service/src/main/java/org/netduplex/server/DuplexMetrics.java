package org.netduplex.server;

/**
 * A snapshot of an endpoint's counters. Gauges ({@code openSessions}, {@code parkedPolls},
 * {@code queuedMessages}) are current values; the rest count since the feature started.
 * {@code pollsAnsweredWithMessages} counts poll answers that carried one message or more (more than
 * one only in {@code MULTIPLE_MESSAGES_PER_POLL}). {@code lateCallbackReplies} counts answers to
 * two-way callbacks that came after their call had ended (timed out, or its session ended): dropped.
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
    long lateCallbackReplies) {}
