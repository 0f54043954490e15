package org.netduplex.server;

/**
 * A snapshot of an endpoint's counters. Gauges ({@code openSessions}, {@code parkedPolls},
 * {@code queuedMessages}) are current values; the rest count since the feature started.
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
    long pollsAnsweredEmpty) {}
