package org.netduplex.client;

import java.time.Duration;
import java.util.Objects;
import org.netduplex.core.DuplexMode;
import org.netduplex.core.NetDuplex;
import org.netduplex.core.Scheduler;

/**
 * Immutable settings of a {@link PollingDuplexClient}. Build one with {@link #builder()}.
 *
 * <pre>{@code
 * DuplexClientConfig config = DuplexClientConfig.builder()
 *     .serverPollTimeout(Duration.ofSeconds(15))
 *     .inactivityTimeout(Duration.ofMinutes(10))
 *     .build();
 * }</pre>
 */
public final class DuplexClientConfig {
  private final Duration serverPollTimeout;
  private final Duration pollTimeoutMargin;
  private final Duration clientPollTimeout;
  private final Duration inactivityTimeout;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final int maxResponseBytes;
  private final String anonymousUriPrefix;
  private final Scheduler scheduler;
  private final boolean closeSessionOnClose;
  private final DuplexMode duplexMode;
  private final WireFormat wireFormat;
  private final Duration closeTimeout;
  private final Duration replyTimeout;
  private final boolean acknowledgeDelivery;

  private DuplexClientConfig(Builder b) {
    this.closeSessionOnClose = b.closeSessionOnClose;
    this.duplexMode = b.duplexMode;
    this.wireFormat = b.wireFormat;
    this.closeTimeout = b.closeTimeout;
    this.replyTimeout = b.replyTimeout;
    this.acknowledgeDelivery = b.acknowledgeDelivery;
    this.serverPollTimeout = b.serverPollTimeout;
    this.pollTimeoutMargin = b.pollTimeoutMargin;
    this.clientPollTimeout = b.clientPollTimeout;
    this.inactivityTimeout = b.inactivityTimeout;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxResponseBytes = b.maxResponseBytes;
    this.anonymousUriPrefix = b.anonymousUriPrefix;
    this.scheduler = b.scheduler;
  }

  /**
   * A builder with every setting at its default.
   *
   * @return a builder with the defaults the getters document
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
   * How long the server holds a poll with nothing to send (WCF's server default: 15 s). Plus
   * {@link #pollTimeoutMargin()}, it is the least a poll's HTTP timeout can be: see {@link #pollHttpTimeout()}.
   *
   * @return the timeout, positive
   */
  public Duration serverPollTimeout() {
    return serverPollTimeout;
  }

  /**
   * How much longer than {@link #serverPollTimeout()} a poll's HTTP timeout is at least (default
   * 15 s): time for the server's empty answer to arrive.
   *
   * @return the margin, positive
   */
  public Duration pollTimeoutMargin() {
    return pollTimeoutMargin;
  }

  /**
   * WCF's {@code ClientPollTimeout}: "the interval of time that a client polling request has to
   * complete before timing out" (default 5 min, cc672345). A server may hold an idle poll for
   * anything up to about this long without any setting on the client.
   *
   * @return the timeout, positive
   */
  public Duration clientPollTimeout() {
    return clientPollTimeout;
  }

  /**
   * A poll's HTTP timeout: {@link #clientPollTimeout()} (5 min by default, as WCF's), or the server's
   * poll timeout plus the margin if that is longer, so it always stays above the time the server
   * holds an idle poll; below it, every idle poll would fail before the server answers it. A poll
   * lost on the way (a proxy that drops it silently) is noticed after this long; the client then
   * polls again and faults only after {@link #inactivityTimeout()} without any answer.
   *
   * @return the timeout, positive
   */
  public Duration pollHttpTimeout() {
    Duration aboveServer = serverPollTimeout.plus(pollTimeoutMargin);
    return aboveServer.compareTo(clientPollTimeout) > 0 ? aboveServer : clientPollTimeout;
  }

  /**
   * The HTTP timeout of a poll made while the client is {@code CONNECTING} (its first poll, and each
   * retry after a failure): {@link #serverPollTimeout()} plus {@link #pollTimeoutMargin()} (30 s by
   * default), the longest a server answering with that poll timeout holds it. A retry sent into a
   * path that swallows it (a connection that opens and then carries nothing) is so made again after
   * this, not after {@link #pollHttpTimeout()}'s 5 minutes: the client stalled that long otherwise
   * (issue 12). If it times out, the next poll waits {@link #pollHttpTimeout()} (the server may hold
   * polls longer than the client was told); once a poll is answered the client is {@code OPEN} and
   * polls with {@link #pollHttpTimeout()}.
   *
   * @return the timeout, positive
   */
  public Duration reconnectPollHttpTimeout() {
    return serverPollTimeout.plus(pollTimeoutMargin);
  }

  /**
   * How long the client keeps retrying without any answer from the server before it faults
   * (WCF's {@code InactivityTimeout}, default 10 min).
   *
   * @return the timeout, positive
   */
  public Duration inactivityTimeout() {
    return inactivityTimeout;
  }

  /**
   * First retry delay after a network error or 5xx (default 100 ms); doubles up to {@link #maxBackoff()}.
   *
   * @return the delay, positive
   */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /**
   * Longest retry delay (default 10 s).
   *
   * @return the delay, at least {@link #initialBackoff()}
   */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /**
   * Largest poll answer accepted (default 65,536 bytes, WCF's {@code MaxReceivedMessageSize}); in a
   * batch answer, read as it arrives, the largest message (docs/protocol.md section 19).
   *
   * @return the limit in bytes, at least 1024
   */
  public int maxResponseBytes() {
    return maxResponseBytes;
  }

  /**
   * Prefix of the anonymous address; a GUID is appended. Default: WCF's spelling, "anoynmous".
   *
   * @return the prefix, never blank
   */
  public String anonymousUriPrefix() {
    return anonymousUriPrefix;
  }

  /**
   * The scheduler for retries and timeouts, or null for the client runtime's real-time one.
   *
   * @return the scheduler, or null
   */
  public Scheduler scheduler() {
    return scheduler;
  }

  /**
   * Whether {@link PollingDuplexClient#close()} tells the server with {@code netdx:CloseSession} that
   * the session is over (default true), so the server ends it at once instead of after its
   * inactivity timeout. Best effort: a server that does not answer within {@link #closeTimeout()}
   * is not waited for.
   *
   * @return whether {@code close()} sends {@code netdx:CloseSession}
   */
  public boolean closeSessionOnClose() {
    return closeSessionOnClose;
  }

  /**
   * Longest time {@code close()} waits for the server to answer the close message (default 2 s).
   *
   * @return the timeout, positive
   */
  public Duration closeTimeout() {
    return closeTimeout;
  }

  /**
   * How long a request-reply call waits for its reply, which comes on a poll in SOAP 1.2 (default
   * 1 min, as WCF's {@code SendTimeout}); then it throws {@link ReplyTimeoutException} and the
   * session goes on.
   *
   * @return the timeout, positive
   */
  public Duration replyTimeout() {
    return replyTimeout;
  }

  /**
   * WCF's {@code DuplexMode} (default {@link DuplexMode#SINGLE_MESSAGE_PER_POLL}). In
   * {@link DuplexMode#MULTIPLE_MESSAGES_PER_POLL} polls send {@code Accept: multipart/mixed} and
   * {@code nda:StreamedAnswer}, and a NetDuplex server configured the same answers with every waiting
   * message at once, in NetDuplex's own framing (not WCF's, which is undocumented), its poll front
   * keeping the answer open a short while for messages queued meanwhile; each message is handed on
   * as its part arrives (docs/protocol.md sections 3 and 19). Single-message answers are read either way.
   *
   * @return the mode, never null
   */
  public DuplexMode duplexMode() {
    return duplexMode;
  }

  /**
   * How messages look on the wire (default {@link WireFormat#SOAP11_TEXT}, as captured from WCF and
   * Silverlight 2; a Silverlight 3+ style endpoint wants {@link WireFormat#SOAP12_BINARY}).
   *
   * @return the format, never null
   */
  public WireFormat wireFormat() {
    return wireFormat;
  }

  /**
   * Whether polls acknowledge what they received (NetDuplex's acknowledged delivery, docs/protocol.md
   * section 15; default true): a NetDuplex server then resends what a cut connection lost, and the
   * client drops what it has already seen, so no callback is lost, repeated or reordered while the
   * session lives. A WCF server ignores the header. Off, polls are exactly as WCF's and Silverlight's.
   *
   * @return whether polls acknowledge
   */
  public boolean acknowledgeDelivery() {
    return acknowledgeDelivery;
  }

  @Override
  public String toString() {
    return "DuplexClientConfig{serverPollTimeout=" + serverPollTimeout + ", pollTimeoutMargin=" + pollTimeoutMargin
        + ", clientPollTimeout=" + clientPollTimeout + ", inactivityTimeout=" + inactivityTimeout
        + ", initialBackoff=" + initialBackoff
        + ", maxBackoff=" + maxBackoff + ", maxResponseBytes=" + maxResponseBytes
        + ", anonymousUriPrefix=" + anonymousUriPrefix + ", closeSessionOnClose=" + closeSessionOnClose
        + ", closeTimeout=" + closeTimeout + ", replyTimeout=" + replyTimeout + ", duplexMode=" + duplexMode
        + ", wireFormat=" + wireFormat + ", acknowledgeDelivery=" + acknowledgeDelivery + "}";
  }

  /** Builds a {@link DuplexClientConfig}; every setting has a default. */
  public static final class Builder {
    private Duration serverPollTimeout = Duration.ofSeconds(15);
    private Duration pollTimeoutMargin = Duration.ofSeconds(15);
    private Duration clientPollTimeout = Duration.ofMinutes(5);
    private Duration inactivityTimeout = Duration.ofMinutes(10);
    private Duration initialBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(10);
    private int maxResponseBytes = 65_536;
    private String anonymousUriPrefix = NetDuplex.WCF_ANONYMOUS_URI_PREFIX;
    private Scheduler scheduler;
    private boolean closeSessionOnClose = true;
    private Duration closeTimeout = Duration.ofSeconds(2);
    private Duration replyTimeout = Duration.ofMinutes(1);
    private DuplexMode duplexMode = DuplexMode.SINGLE_MESSAGE_PER_POLL;
    private WireFormat wireFormat = WireFormat.SOAP11_TEXT;
    private boolean acknowledgeDelivery = true;

    private Builder() {}

    private Builder(DuplexClientConfig c) {
      this.serverPollTimeout = c.serverPollTimeout;
      this.pollTimeoutMargin = c.pollTimeoutMargin;
      this.clientPollTimeout = c.clientPollTimeout;
      this.inactivityTimeout = c.inactivityTimeout;
      this.initialBackoff = c.initialBackoff;
      this.maxBackoff = c.maxBackoff;
      this.maxResponseBytes = c.maxResponseBytes;
      this.anonymousUriPrefix = c.anonymousUriPrefix;
      this.scheduler = c.scheduler;
      this.closeSessionOnClose = c.closeSessionOnClose;
      this.closeTimeout = c.closeTimeout;
      this.replyTimeout = c.replyTimeout;
      this.duplexMode = c.duplexMode;
      this.wireFormat = c.wireFormat;
      this.acknowledgeDelivery = c.acknowledgeDelivery;
    }

    /**
     * See {@link DuplexClientConfig#serverPollTimeout()}; set it to the server's poll timeout.
     *
     * @param d positive, not null
     * @return this builder
     * @throws IllegalArgumentException if it is zero or negative
     */
    public Builder serverPollTimeout(Duration d) {
      this.serverPollTimeout = positive(d, "serverPollTimeout");
      return this;
    }

    /**
     * See {@link DuplexClientConfig#pollTimeoutMargin()}.
     *
     * @param d positive, not null
     * @return this builder
     * @throws IllegalArgumentException if it is zero or negative
     */
    public Builder pollTimeoutMargin(Duration d) {
      this.pollTimeoutMargin = positive(d, "pollTimeoutMargin");
      return this;
    }

    /**
     * WCF's {@code ClientPollTimeout}; the default is WCF's 5 minutes.
     *
     * @param d positive, not null
     * @return this builder
     * @throws IllegalArgumentException if it is zero or negative
     */
    public Builder clientPollTimeout(Duration d) {
      this.clientPollTimeout = positive(d, "clientPollTimeout");
      return this;
    }

    /**
     * See {@link DuplexClientConfig#inactivityTimeout()}.
     *
     * @param d positive, not null
     * @return this builder
     * @throws IllegalArgumentException if it is zero or negative
     */
    public Builder inactivityTimeout(Duration d) {
      this.inactivityTimeout = positive(d, "inactivityTimeout");
      return this;
    }

    /**
     * See {@link DuplexClientConfig#initialBackoff()}.
     *
     * @param d positive, not null
     * @return this builder
     * @throws IllegalArgumentException if it is zero or negative
     */
    public Builder initialBackoff(Duration d) {
      this.initialBackoff = positive(d, "initialBackoff");
      return this;
    }

    /**
     * See {@link DuplexClientConfig#maxBackoff()}.
     *
     * @param d positive, not null
     * @return this builder
     * @throws IllegalArgumentException if it is zero or negative
     */
    public Builder maxBackoff(Duration d) {
      this.maxBackoff = positive(d, "maxBackoff");
      return this;
    }

    /**
     * See {@link DuplexClientConfig#maxResponseBytes()}.
     *
     * @param bytes at least 1024
     * @return this builder
     * @throws IllegalArgumentException if it is below 1024
     */
    public Builder maxResponseBytes(int bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("maxResponseBytes must be at least 1024: " + bytes);
      }
      this.maxResponseBytes = bytes;
      return this;
    }

    /**
     * {@link NetDuplex#WCF_ANONYMOUS_URI_PREFIX} (default) or {@link NetDuplex#ANONYMOUS_URI_PREFIX}.
     *
     * @param prefix not blank
     * @return this builder
     * @throws IllegalArgumentException if it is null or blank
     */
    public Builder anonymousUriPrefix(String prefix) {
      if (prefix == null || prefix.isBlank()) {
        throw new IllegalArgumentException("anonymousUriPrefix must not be blank");
      }
      this.anonymousUriPrefix = prefix;
      return this;
    }

    /**
     * Inject a scheduler (tests use a fake one to move time by hand).
     *
     * @param scheduler the scheduler, or null for the client runtime's real-time one; the client does not close it
     * @return this builder
     */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = scheduler;
      return this;
    }

    /**
     * See {@link DuplexClientConfig#closeSessionOnClose()}.
     *
     * @param close whether {@code close()} tells the server
     * @return this builder
     */
    public Builder closeSessionOnClose(boolean close) {
      this.closeSessionOnClose = close;
      return this;
    }

    /**
     * See {@link DuplexClientConfig#closeTimeout()}.
     *
     * @param d positive, not null
     * @return this builder
     * @throws IllegalArgumentException if it is zero or negative
     */
    public Builder closeTimeout(Duration d) {
      this.closeTimeout = positive(d, "closeTimeout");
      return this;
    }

    /**
     * See {@link DuplexClientConfig#replyTimeout()}.
     *
     * @param d positive, not null
     * @return this builder
     * @throws IllegalArgumentException if it is zero or negative
     */
    public Builder replyTimeout(Duration d) {
      this.replyTimeout = positive(d, "replyTimeout");
      return this;
    }

    /**
     * See {@link DuplexClientConfig#wireFormat()}.
     *
     * @param format not null
     * @return this builder
     */
    public Builder wireFormat(WireFormat format) {
      this.wireFormat = Objects.requireNonNull(format, "wireFormat");
      return this;
    }

    /**
     * See {@link DuplexClientConfig#acknowledgeDelivery()}.
     *
     * @param acknowledge whether polls acknowledge what they received
     * @return this builder
     */
    public Builder acknowledgeDelivery(boolean acknowledge) {
      this.acknowledgeDelivery = acknowledge;
      return this;
    }

    /**
     * See {@link DuplexClientConfig#duplexMode()}.
     *
     * @param mode not null
     * @return this builder
     */
    public Builder duplexMode(DuplexMode mode) {
      this.duplexMode = Objects.requireNonNull(mode, "duplexMode");
      return this;
    }

    /**
     * Checks the settings together and makes the immutable config.
     *
     * @return the config
     * @throws IllegalArgumentException if {@code maxBackoff} is shorter than {@code initialBackoff}
     */
    public DuplexClientConfig build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("maxBackoff " + maxBackoff + " < initialBackoff " + initialBackoff);
      }
      return new DuplexClientConfig(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + d);
      }
      return d;
    }
  }
}
