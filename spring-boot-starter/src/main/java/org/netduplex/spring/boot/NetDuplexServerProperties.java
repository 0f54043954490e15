package org.netduplex.spring.boot;

import java.time.Duration;
import org.netduplex.core.DuplexMode;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.DuplexSessionListener;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code netduplex.server.*}: the settings of {@link DuplexServerConfig}, under the same names in
 * kebab case and with the same defaults (read from the builder, so they cannot drift).
 */
@ConfigurationProperties("netduplex.server")
public class NetDuplexServerProperties {
  private static final DuplexServerConfig DEFAULTS = DuplexServerConfig.builder().build();

  /** How long an idle poll is parked before it is answered 200-empty (WCF's server poll timeout). */
  private Duration pollTimeout = DEFAULTS.pollTimeout();
  /** How long a session may be silent before it ends (WCF's InactivityTimeout). */
  private Duration inactivityTimeout = DEFAULTS.inactivityTimeout();
  /** How long a two-way callback waits for the client's answer (WCF's SendTimeout). */
  private Duration callbackReplyTimeout = DEFAULTS.callbackReplyTimeout();
  /** Callback messages a session may have waiting (WCF's MaxPendingMessagesPerSession). */
  private int maxPendingMessagesPerSession = DEFAULTS.maxPendingMessagesPerSession();
  /** Open sessions the endpoint accepts; one more is refused with ndf:ServerTooBusy. */
  private int maxSessions = DEFAULTS.maxSessions();
  /** Largest request body accepted, in bytes (WCF's MaxReceivedMessageSize). */
  private int maxRequestBytes = DEFAULTS.maxRequestBytes();
  /** WCF's DuplexMode. */
  private DuplexMode duplexMode = DEFAULTS.duplexMode();

  /**
   * The config these properties describe, with {@code listener}.
   *
   * @param listener the application's listener, or {@link DuplexSessionListener#NONE}
   * @return the config
   * @throws IllegalArgumentException if a property is out of range (as the builder checks)
   */
  public DuplexServerConfig toConfig(DuplexSessionListener listener) {
    return DuplexServerConfig.builder()
        .pollTimeout(pollTimeout)
        .inactivityTimeout(inactivityTimeout)
        .callbackReplyTimeout(callbackReplyTimeout)
        .maxPendingMessagesPerSession(maxPendingMessagesPerSession)
        .maxSessions(maxSessions)
        .maxRequestBytes(maxRequestBytes)
        .duplexMode(duplexMode)
        .listener(listener)
        .build();
  }

  /**
   * {@code netduplex.server.poll-timeout}; see {@link DuplexServerConfig.Builder#pollTimeout}.
   *
   * @return the bound value, else the default
   */
  public Duration getPollTimeout() {
    return pollTimeout;
  }

  /**
   * Binds {@code netduplex.server.poll-timeout}.
   *
   * @param pollTimeout the value, checked when the config is built
   */
  public void setPollTimeout(Duration pollTimeout) {
    this.pollTimeout = pollTimeout;
  }

  /**
   * {@code netduplex.server.inactivity-timeout}; see {@link DuplexServerConfig.Builder#inactivityTimeout}.
   *
   * @return the bound value, else the default
   */
  public Duration getInactivityTimeout() {
    return inactivityTimeout;
  }

  /**
   * Binds {@code netduplex.server.inactivity-timeout}.
   *
   * @param inactivityTimeout the value, checked when the config is built
   */
  public void setInactivityTimeout(Duration inactivityTimeout) {
    this.inactivityTimeout = inactivityTimeout;
  }

  /**
   * {@code netduplex.server.callback-reply-timeout}; see {@link DuplexServerConfig.Builder#callbackReplyTimeout}.
   *
   * @return the bound value, else the default
   */
  public Duration getCallbackReplyTimeout() {
    return callbackReplyTimeout;
  }

  /**
   * Binds {@code netduplex.server.callback-reply-timeout}.
   *
   * @param callbackReplyTimeout the value, checked when the config is built
   */
  public void setCallbackReplyTimeout(Duration callbackReplyTimeout) {
    this.callbackReplyTimeout = callbackReplyTimeout;
  }

  /**
   * {@code netduplex.server.max-pending-messages-per-session}; see {@link DuplexServerConfig.Builder#maxPendingMessagesPerSession}.
   *
   * @return the bound value, else the default
   */
  public int getMaxPendingMessagesPerSession() {
    return maxPendingMessagesPerSession;
  }

  /**
   * Binds {@code netduplex.server.max-pending-messages-per-session}.
   *
   * @param maxPendingMessagesPerSession the value, checked when the config is built
   */
  public void setMaxPendingMessagesPerSession(int maxPendingMessagesPerSession) {
    this.maxPendingMessagesPerSession = maxPendingMessagesPerSession;
  }

  /**
   * {@code netduplex.server.max-sessions}; see {@link DuplexServerConfig.Builder#maxSessions}.
   *
   * @return the bound value, else the default
   */
  public int getMaxSessions() {
    return maxSessions;
  }

  /**
   * Binds {@code netduplex.server.max-sessions}.
   *
   * @param maxSessions the value, checked when the config is built
   */
  public void setMaxSessions(int maxSessions) {
    this.maxSessions = maxSessions;
  }

  /**
   * {@code netduplex.server.max-request-bytes}; see {@link DuplexServerConfig.Builder#maxRequestBytes}.
   *
   * @return the bound value, else the default
   */
  public int getMaxRequestBytes() {
    return maxRequestBytes;
  }

  /**
   * Binds {@code netduplex.server.max-request-bytes}.
   *
   * @param maxRequestBytes the value, checked when the config is built
   */
  public void setMaxRequestBytes(int maxRequestBytes) {
    this.maxRequestBytes = maxRequestBytes;
  }

  /**
   * {@code netduplex.server.duplex-mode}; see {@link DuplexServerConfig.Builder#duplexMode}.
   *
   * @return the bound value, else the default
   */
  public DuplexMode getDuplexMode() {
    return duplexMode;
  }

  /**
   * Binds {@code netduplex.server.duplex-mode}.
   *
   * @param duplexMode the value, checked when the config is built
   */
  public void setDuplexMode(DuplexMode duplexMode) {
    this.duplexMode = duplexMode;
  }
}
