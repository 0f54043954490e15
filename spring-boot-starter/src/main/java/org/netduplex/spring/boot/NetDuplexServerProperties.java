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

  /** The config these properties describe, with {@code listener}. */
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

  public Duration getPollTimeout() {
    return pollTimeout;
  }

  public void setPollTimeout(Duration pollTimeout) {
    this.pollTimeout = pollTimeout;
  }

  public Duration getInactivityTimeout() {
    return inactivityTimeout;
  }

  public void setInactivityTimeout(Duration inactivityTimeout) {
    this.inactivityTimeout = inactivityTimeout;
  }

  public Duration getCallbackReplyTimeout() {
    return callbackReplyTimeout;
  }

  public void setCallbackReplyTimeout(Duration callbackReplyTimeout) {
    this.callbackReplyTimeout = callbackReplyTimeout;
  }

  public int getMaxPendingMessagesPerSession() {
    return maxPendingMessagesPerSession;
  }

  public void setMaxPendingMessagesPerSession(int maxPendingMessagesPerSession) {
    this.maxPendingMessagesPerSession = maxPendingMessagesPerSession;
  }

  public int getMaxSessions() {
    return maxSessions;
  }

  public void setMaxSessions(int maxSessions) {
    this.maxSessions = maxSessions;
  }

  public int getMaxRequestBytes() {
    return maxRequestBytes;
  }

  public void setMaxRequestBytes(int maxRequestBytes) {
    this.maxRequestBytes = maxRequestBytes;
  }

  public DuplexMode getDuplexMode() {
    return duplexMode;
  }

  public void setDuplexMode(DuplexMode duplexMode) {
    this.duplexMode = duplexMode;
  }
}
