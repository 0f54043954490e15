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
  private final Duration closeDrainTimeout;
  private final int maxQueuedMessagesPerSession;
  private final int maxSessions;
  private final int maxRequestBytes;
  private final Duration requestBodyTimeout;
  private final SessionIdPolicy sessionIdPolicy;
  private final Scheduler scheduler;
  private final DuplexSessionListener listener;
  private final DuplexMode duplexMode;
  private final DuplexStore store;

  private DuplexServerConfig(Builder b) {
    this.duplexMode = b.duplexMode;
    this.pollTimeout = b.pollTimeout;
    this.inactivityTimeout = b.inactivityTimeout;
    this.callbackReplyTimeout = b.callbackReplyTimeout;
    this.closeDrainTimeout = b.closeDrainTimeout;
    this.maxQueuedMessagesPerSession = b.maxQueuedMessagesPerSession;
    this.maxSessions = b.maxSessions;
    this.maxRequestBytes = b.maxRequestBytes;
    this.requestBodyTimeout = b.requestBodyTimeout;
    this.sessionIdPolicy = b.sessionIdPolicy;
    this.scheduler = b.scheduler;
    this.listener = b.listener;
    this.store = b.store;
  }

  /**
   * A builder with every setting at its default.
   *
   * @return a builder with the defaults each setter documents
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder to derive a variant of this config from.
   *
   * @return a builder holding this config's settings
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * How long an empty poll is parked; see {@link Builder#pollTimeout}.
   *
   * @return the timeout, positive
   */
  public Duration pollTimeout() {
    return pollTimeout;
  }

  /**
   * How long a silent session lives; see {@link Builder#inactivityTimeout}.
   *
   * @return the timeout, positive
   */
  public Duration inactivityTimeout() {
    return inactivityTimeout;
  }

  /**
   * How long a two-way callback waits for the client's answer; see {@link Builder#callbackReplyTimeout}.
   *
   * @return the timeout, positive
   */
  public Duration callbackReplyTimeout() {
    return callbackReplyTimeout;
  }

  /**
   * How long a session half-closed by its client may go without a poll; see {@link Builder#closeDrainTimeout}.
   *
   * @return the timeout, positive
   */
  public Duration closeDrainTimeout() {
    return closeDrainTimeout;
  }

  /**
   * WCF's {@code MaxPendingMessagesPerSession}: callback messages a session may have waiting.
   *
   * @return the limit, positive
   */
  public int maxPendingMessagesPerSession() {
    return maxQueuedMessagesPerSession;
  }

  /**
   * Same as {@link #maxPendingMessagesPerSession()} (the name before WCF's was adopted).
   *
   * @return the limit, positive
   */
  public int maxQueuedMessagesPerSession() {
    return maxQueuedMessagesPerSession;
  }

  /**
   * WCF's {@code DuplexMode}; see {@link Builder#duplexMode}.
   *
   * @return the mode, never null
   */
  public DuplexMode duplexMode() {
    return duplexMode;
  }

  /**
   * Open sessions the endpoint accepts; see {@link Builder#maxSessions}.
   *
   * @return the limit, positive
   */
  public int maxSessions() {
    return maxSessions;
  }

  /**
   * Largest request body accepted; see {@link Builder#maxRequestBytes}.
   *
   * @return the limit in bytes, positive
   */
  public int maxRequestBytes() {
    return maxRequestBytes;
  }

  /**
   * Which session ids and addresses open a session; see {@link Builder#sessionIdPolicy}.
   *
   * @return the policy, never null
   */
  public SessionIdPolicy sessionIdPolicy() {
    return sessionIdPolicy;
  }

  /**
   * How long a request body may take to arrive in full; see {@link Builder#requestBodyTimeout}.
   *
   * @return the timeout, positive
   */
  public Duration requestBodyTimeout() {
    return requestBodyTimeout;
  }

  /**
   * The scheduler for timeouts, or null for the feature's own real-time one.
   *
   * @return the scheduler, or null
   */
  public Scheduler scheduler() {
    return scheduler;
  }

  /**
   * Receives session and message events; see {@link Builder#listener}.
   *
   * @return the listener, never null ({@link DuplexSessionListener#NONE} by default)
   */
  public DuplexSessionListener listener() {
    return listener;
  }

  /**
   * Where sessions and queued messages live; see {@link Builder#store}.
   *
   * @return the store, or null for the default: in memory, in this JVM
   */
  public DuplexStore store() {
    return store;
  }

  @Override
  public String toString() {
    return "DuplexServerConfig{pollTimeout=" + pollTimeout + ", inactivityTimeout=" + inactivityTimeout
        + ", callbackReplyTimeout=" + callbackReplyTimeout + ", closeDrainTimeout=" + closeDrainTimeout
        + ", maxQueuedMessagesPerSession=" + maxQueuedMessagesPerSession + ", maxSessions=" + maxSessions
        + ", maxRequestBytes=" + maxRequestBytes + ", requestBodyTimeout=" + requestBodyTimeout
        + ", sessionIdPolicy=" + sessionIdPolicy + ", duplexMode=" + duplexMode + "}";
  }

  /**
   * Collects settings for {@link DuplexServerConfig}; not thread-safe. Each setter checks its value at once.
   */
  public static final class Builder {
    private Duration pollTimeout = Duration.ofSeconds(15);
    private Duration inactivityTimeout = Duration.ofMinutes(10);
    private Duration callbackReplyTimeout = Duration.ofMinutes(1);
    private Duration closeDrainTimeout = Duration.ofSeconds(30);
    private int maxQueuedMessagesPerSession = 1_000;
    private int maxSessions = 100_000;
    private int maxRequestBytes = 65_536;
    private Duration requestBodyTimeout = Duration.ofMinutes(2);
    private SessionIdPolicy sessionIdPolicy = SessionIdPolicy.GUIDS_ONLY;
    private Scheduler scheduler;
    private DuplexSessionListener listener = DuplexSessionListener.NONE;
    private DuplexStore store;
    private DuplexMode duplexMode = DuplexMode.SINGLE_MESSAGE_PER_POLL;

    private Builder() {}

    private Builder(DuplexServerConfig c) {
      pollTimeout = c.pollTimeout;
      inactivityTimeout = c.inactivityTimeout;
      callbackReplyTimeout = c.callbackReplyTimeout;
      closeDrainTimeout = c.closeDrainTimeout;
      maxQueuedMessagesPerSession = c.maxQueuedMessagesPerSession;
      maxSessions = c.maxSessions;
      maxRequestBytes = c.maxRequestBytes;
      requestBodyTimeout = c.requestBodyTimeout;
      sessionIdPolicy = c.sessionIdPolicy;
      scheduler = c.scheduler;
      listener = c.listener;
      store = c.store;
      duplexMode = c.duplexMode;
    }

    /**
     * How long a {@code MakeConnection} poll with nothing to deliver is parked before it is answered
     * with an empty {@code 200}. Default 15 seconds, the server poll timeout of WCF's polling duplex
     * server assembly; keep it below the client's poll timeout and any proxy's idle timeout.
     *
     * @param timeout positive, not null
     * @return this builder
     * @throws IllegalArgumentException if it is zero or negative
     */
    public Builder pollTimeout(Duration timeout) {
      this.pollTimeout = checkPositive("pollTimeout", timeout);
      return this;
    }

    /**
     * How long a session may see no call and no poll before it ends and its queue is dropped.
     * Default 10 minutes, WCF's {@code PollingDuplexHttpBinding.InactivityTimeout}. Must exceed the
     * poll timeout, since a parked poll is the only sign of life of an idle client.
     *
     * @param timeout positive, not null
     * @return this builder
     * @throws IllegalArgumentException if it is zero or negative
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
     *
     * @param timeout positive, not null
     * @return this builder
     * @throws IllegalArgumentException if it is zero or negative
     */
    public Builder callbackReplyTimeout(Duration timeout) {
      this.callbackReplyTimeout = checkPositive("callbackReplyTimeout", timeout);
      return this;
    }

    /**
     * How long a session half-closed by its client ({@code netdx:CloseSession}, docs/protocol.md
     * section 4.1) may go without a poll while callbacks wait for it: then it ends
     * ({@link SessionEndReason#CLOSED_BY_CLIENT}), its undelivered callbacks are dropped, and its
     * {@link #maxSessions} slot is free, instead of after the whole inactivity timeout. Default 30
     * seconds, twice the default poll timeout: a client still draining polls again at once after
     * each answer, so one silent that long has stopped polling. No WCF source documents how long a
     * half-closed session drains (a NetDuplex choice).
     *
     * @param timeout positive, not null
     * @return this builder
     * @throws IllegalArgumentException if it is zero or negative
     */
    public Builder closeDrainTimeout(Duration timeout) {
      this.closeDrainTimeout = checkPositive("closeDrainTimeout", timeout);
      return this;
    }

    /**
     * Callback messages a session may have waiting for a poll, WCF's
     * {@code MaxPendingMessagesPerSession} (whose default WCF does not document); one more is refused
     * with {@link CallbackQueueFullException} and {@link DuplexSessionListener#messageRefused}, never
     * dropped silently. Default 1,000.
     *
     * @param max positive
     * @return this builder
     * @throws IllegalArgumentException if it is zero or negative
     */
    public Builder maxPendingMessagesPerSession(int max) {
      this.maxQueuedMessagesPerSession = checkPositive("maxPendingMessagesPerSession", max);
      return this;
    }

    /**
     * Same as {@link #maxPendingMessagesPerSession(int)}, under its earlier name.
     *
     * @param max positive
     * @return this builder
     * @throws IllegalArgumentException if it is zero or negative
     */
    public Builder maxQueuedMessagesPerSession(int max) {
      return maxPendingMessagesPerSession(max);
    }

    /**
     * WCF's {@code DuplexMode}. {@link DuplexMode#SINGLE_MESSAGE_PER_POLL} (default, WCF's default)
     * answers each poll with one message, as captured. {@link DuplexMode#MULTIPLE_MESSAGES_PER_POLL}
     * lets polls that ask for it ({@code Accept: multipart/mixed}, as NetDuplex's client sends in that
     * mode) get every message waiting at that moment, up to 64 messages or 64 KiB, in NetDuplex's
     * own framing; other polls still get one message.
     *
     * @param mode not null
     * @return this builder
     */
    public Builder duplexMode(DuplexMode mode) {
      this.duplexMode = Objects.requireNonNull(mode, "duplexMode");
      return this;
    }

    /**
     * Open sessions the endpoint accepts; a call opening one more gets a fault. Default 100,000.
     *
     * @param max positive
     * @return this builder
     * @throws IllegalArgumentException if it is zero or negative
     */
    public Builder maxSessions(int max) {
      this.maxSessions = checkPositive("maxSessions", max);
      return this;
    }

    /**
     * Largest request body accepted, in bytes; a larger one gets an {@code ndf:RequestTooLarge} fault,
     * at once when its {@code Content-Length} says so (nothing of it is read), else as soon as it
     * grows past the limit. Default 65,536, WCF's default {@code MaxReceivedMessageSize}.
     *
     * @param max positive
     * @return this builder
     * @throws IllegalArgumentException if it is zero or negative
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
     *
     * @param timeout positive, not null
     * @return this builder
     * @throws IllegalArgumentException if it is zero or negative
     */
    public Builder requestBodyTimeout(Duration timeout) {
      this.requestBodyTimeout = checkPositive("requestBodyTimeout", timeout);
      return this;
    }

    /**
     * Which {@code netdx:SessionId}s and addresses open a session. Default
     * {@link SessionIdPolicy#GUIDS_ONLY}: GUIDs, as every WCF and Silverlight client sends them, since
     * anyone who guesses an address can poll that client's callbacks. {@link SessionIdPolicy#ANY}
     * accepts any id of 1..512 characters.
     *
     * @param policy not null
     * @return this builder
     */
    public Builder sessionIdPolicy(SessionIdPolicy policy) {
      this.sessionIdPolicy = Objects.requireNonNull(policy, "sessionIdPolicy");
      return this;
    }

    /**
     * Scheduler for poll and inactivity timeouts. Default: a real-time scheduler owned by the feature.
     *
     * @param scheduler not null; the feature does not close it
     * @return this builder
     */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * Receives session and message events. Default {@link DuplexSessionListener#NONE}.
     *
     * @param listener not null
     * @return this builder
     */
    public Builder listener(DuplexSessionListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Where sessions, queued messages and acknowledgement state live. Default: in memory, in this
     * JVM. netduplex-redis's {@code RedisDuplexStore} keeps them in Redis, so that several nodes
     * serve one set of sessions. One store serves one endpoint, which closes it when it closes.
     *
     * @param store not null
     * @return this builder
     */
    public Builder store(DuplexStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Checks the settings together and makes the immutable config.
     *
     * @return the config
     * @throws IllegalArgumentException if the poll timeout is not shorter than the inactivity timeout
     */
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
