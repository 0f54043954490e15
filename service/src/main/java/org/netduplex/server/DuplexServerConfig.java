package org.netduplex.server;

import java.time.Duration;
import java.util.Objects;
import org.netduplex.core.DuplexMode;
import org.netduplex.core.Scheduler;

/**
 * Immutable settings of a polling duplex endpoint. Build one with {@link #builder()}; derive a
 * variant with {@link #toBuilder()}.
 *
 * <pre>{@code
 * DuplexServerConfig config = DuplexServerConfig.builder()
 *     .pollTimeout(Duration.ofSeconds(15))
 *     .inactivityTimeout(Duration.ofMinutes(10))
 *     .maxPendingMessagesPerSession(1_000)
 *     .build();
 * }</pre>
 */
public final class DuplexServerConfig {
  private final Duration pollTimeout;
  private final Duration inactivityTimeout;
  private final Duration callbackReplyTimeout;
  private final int maxQueuedMessagesPerSession;
  private final int maxSessions;
  private final int maxRequestBytes;
  private final Duration requestBodyTimeout;
  private final Scheduler scheduler;
  private final DuplexSessionListener listener;
  private final DuplexMode duplexMode;

  private DuplexServerConfig(Builder b) {
    this.duplexMode = b.duplexMode;
    this.pollTimeout = b.pollTimeout;
    this.inactivityTimeout = b.inactivityTimeout;
    this.callbackReplyTimeout = b.callbackReplyTimeout;
    this.maxQueuedMessagesPerSession = b.maxQueuedMessagesPerSession;
    this.maxSessions = b.maxSessions;
    this.maxRequestBytes = b.maxRequestBytes;
    this.requestBodyTimeout = b.requestBodyTimeout;
    this.scheduler = b.scheduler;
    this.listener = b.listener;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public Duration pollTimeout() {
    return pollTimeout;
  }

  public Duration inactivityTimeout() {
    return inactivityTimeout;
  }

  /** How long a two-way callback waits for the client's answer; see {@link Builder#callbackReplyTimeout}. */
  public Duration callbackReplyTimeout() {
    return callbackReplyTimeout;
  }

  /** WCF's {@code MaxPendingMessagesPerSession}: callback messages a session may have waiting. */
  public int maxPendingMessagesPerSession() {
    return maxQueuedMessagesPerSession;
  }

  /** Same as {@link #maxPendingMessagesPerSession()} (the name before WCF's was adopted). */
  public int maxQueuedMessagesPerSession() {
    return maxQueuedMessagesPerSession;
  }

  /** WCF's {@code DuplexMode}; see {@link Builder#duplexMode}. */
  public DuplexMode duplexMode() {
    return duplexMode;
  }

  public int maxSessions() {
    return maxSessions;
  }

  public int maxRequestBytes() {
    return maxRequestBytes;
  }

  /** How long a request body may take to arrive in full; see {@link Builder#requestBodyTimeout}. */
  public Duration requestBodyTimeout() {
    return requestBodyTimeout;
  }

  /** The scheduler for timeouts, or null for the feature's own real-time one. */
  public Scheduler scheduler() {
    return scheduler;
  }

  public DuplexSessionListener listener() {
    return listener;
  }

  @Override
  public String toString() {
    return "DuplexServerConfig{pollTimeout=" + pollTimeout + ", inactivityTimeout=" + inactivityTimeout
        + ", callbackReplyTimeout=" + callbackReplyTimeout
        + ", maxQueuedMessagesPerSession=" + maxQueuedMessagesPerSession + ", maxSessions=" + maxSessions
        + ", maxRequestBytes=" + maxRequestBytes + ", requestBodyTimeout=" + requestBodyTimeout + ", duplexMode=" + duplexMode + "}";
  }

  public static final class Builder {
    private Duration pollTimeout = Duration.ofSeconds(15);
    private Duration inactivityTimeout = Duration.ofMinutes(10);
    private Duration callbackReplyTimeout = Duration.ofMinutes(1);
    private int maxQueuedMessagesPerSession = 1_000;
    private int maxSessions = 100_000;
    private int maxRequestBytes = 65_536;
    private Duration requestBodyTimeout = Duration.ofMinutes(2);
    private Scheduler scheduler;
    private DuplexSessionListener listener = DuplexSessionListener.NONE;
    private DuplexMode duplexMode = DuplexMode.SINGLE_MESSAGE_PER_POLL;

    private Builder() {}

    private Builder(DuplexServerConfig c) {
      pollTimeout = c.pollTimeout;
      inactivityTimeout = c.inactivityTimeout;
      callbackReplyTimeout = c.callbackReplyTimeout;
      maxQueuedMessagesPerSession = c.maxQueuedMessagesPerSession;
      maxSessions = c.maxSessions;
      maxRequestBytes = c.maxRequestBytes;
      requestBodyTimeout = c.requestBodyTimeout;
      scheduler = c.scheduler;
      listener = c.listener;
      duplexMode = c.duplexMode;
    }

    /**
     * How long a {@code MakeConnection} poll with nothing to deliver is parked before it is answered
     * with an empty {@code 200}. Default 15 seconds, the server poll timeout of WCF's polling duplex
     * server assembly; keep it below the client's poll timeout and any proxy's idle timeout.
     */
    public Builder pollTimeout(Duration timeout) {
      this.pollTimeout = checkPositive("pollTimeout", timeout);
      return this;
    }

    /**
     * How long a session may see no call and no poll before it ends and its queue is dropped.
     * Default 10 minutes, WCF's {@code PollingDuplexHttpBinding.InactivityTimeout}. Must exceed the
     * poll timeout, since a parked poll is the only sign of life of an idle client.
     */
    public Builder inactivityTimeout(Duration timeout) {
      this.inactivityTimeout = checkPositive("inactivityTimeout", timeout);
      return this;
    }

    /**
     * How long a two-way callback (a callback operation that returns a value, a NetDuplex extension)
     * waits for the client's answer before it fails with {@link CallbackTimeoutException}; the time
     * runs from the call, so it includes the wait for the client's next poll. Default 1 minute,
     * WCF's default {@code SendTimeout}.
     */
    public Builder callbackReplyTimeout(Duration timeout) {
      this.callbackReplyTimeout = checkPositive("callbackReplyTimeout", timeout);
      return this;
    }

    /**
     * Callback messages a session may have waiting for a poll, WCF's
     * {@code MaxPendingMessagesPerSession} (whose default WCF does not document); one more is refused
     * with {@link CallbackQueueFullException} and {@link DuplexSessionListener#messageRefused}, never
     * dropped silently. Default 1,000.
     */
    public Builder maxPendingMessagesPerSession(int max) {
      this.maxQueuedMessagesPerSession = checkPositive("maxPendingMessagesPerSession", max);
      return this;
    }

    /** Same as {@link #maxPendingMessagesPerSession(int)}, under its earlier name. */
    public Builder maxQueuedMessagesPerSession(int max) {
      return maxPendingMessagesPerSession(max);
    }

    /**
     * WCF's {@code DuplexMode}. {@link DuplexMode#SINGLE_MESSAGE_PER_POLL} (default, WCF's default)
     * answers each poll with one message, as captured. {@link DuplexMode#MULTIPLE_MESSAGES_PER_POLL}
     * lets polls that ask for it ({@code Accept: multipart/mixed}, as NetDuplex's client sends in that
     * mode) get every message waiting at that moment, up to 64 messages or 64 KiB, in NetDuplex's
     * own framing; other polls still get one message.
     */
    public Builder duplexMode(DuplexMode mode) {
      this.duplexMode = Objects.requireNonNull(mode, "duplexMode");
      return this;
    }

    /** Open sessions the endpoint accepts; a call opening one more gets a fault. Default 100,000. */
    public Builder maxSessions(int max) {
      this.maxSessions = checkPositive("maxSessions", max);
      return this;
    }

    /**
     * Largest request body accepted, in bytes; a larger one gets an {@code ndf:RequestTooLarge} fault,
     * at once when its {@code Content-Length} says so (nothing of it is read), else as soon as it
     * grows past the limit. Default 65,536, WCF's default {@code MaxReceivedMessageSize}.
     */
    public Builder maxRequestBytes(int max) {
      this.maxRequestBytes = checkPositive("maxRequestBytes", max);
      return this;
    }

    /**
     * How long a request body may take to arrive in full, from the request's headers; a body still
     * incomplete then is refused with a fault. Bodies are read without holding a thread, so a slow
     * one costs only its bytes until then. Default 2 minutes, HTTP.sys's {@code EntityBody} timeout
     * (which WCF's self-hosted HTTP endpoints run on).
     */
    public Builder requestBodyTimeout(Duration timeout) {
      this.requestBodyTimeout = checkPositive("requestBodyTimeout", timeout);
      return this;
    }

    /** Scheduler for poll and inactivity timeouts. Default: a real-time scheduler owned by the feature. */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /** Receives session and message events. Default {@link DuplexSessionListener#NONE}. */
    public Builder listener(DuplexSessionListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public DuplexServerConfig build() {
      if (pollTimeout.compareTo(inactivityTimeout) >= 0) {
        throw new IllegalArgumentException("pollTimeout (" + pollTimeout
            + ") must be shorter than inactivityTimeout (" + inactivityTimeout + ")");
      }
      return new DuplexServerConfig(this);
    }

    private static Duration checkPositive(String name, Duration d) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + d);
      }
      return d;
    }

    private static int checkPositive(String name, int value) {
      if (value <= 0) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      return value;
    }
  }
}
