package org.netduplex.spring.boot;

import java.net.URI;
import java.time.Duration;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.client.WireFormat;
import org.netduplex.core.DuplexMode;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code netduplex.client.*}: the service's {@code url} and the settings of
 * {@link DuplexClientConfig}, under the same names in kebab case and with the same defaults.
 */
@ConfigurationProperties("netduplex.client")
public class NetDuplexClientProperties {
  private static final DuplexClientConfig DEFAULTS = DuplexClientConfig.builder().build();

  /** The polling duplex service's address; with it the starter builds the {@code PollingDuplexClientFactory}'s clients. */
  private URI url;
  /** How long the server holds an idle poll. */
  private Duration serverPollTimeout = DEFAULTS.serverPollTimeout();
  /** WCF's ClientPollTimeout: a poll's HTTP timeout. */
  private Duration clientPollTimeout = DEFAULTS.clientPollTimeout();
  /** A poll's HTTP timeout is never below the server poll timeout plus this. */
  private Duration pollTimeoutMargin = DEFAULTS.pollTimeoutMargin();
  /** WCF's InactivityTimeout: give up after this long without an answer. */
  private Duration inactivityTimeout = DEFAULTS.inactivityTimeout();
  /** WCF's SendTimeout: how long a request-reply call waits for its reply. */
  private Duration replyTimeout = DEFAULTS.replyTimeout();
  /** How long close() waits for the server to take netdx:CloseSession. */
  private Duration closeTimeout = DEFAULTS.closeTimeout();
  /** The largest answer accepted, in bytes (WCF's MaxReceivedMessageSize). */
  private int maxResponseBytes = DEFAULTS.maxResponseBytes();
  /** SOAP11_TEXT (Silverlight 2), SOAP12_TEXT or SOAP12_BINARY (Silverlight 3+). */
  private WireFormat wireFormat = DEFAULTS.wireFormat();
  /** WCF's DuplexMode. */
  private DuplexMode duplexMode = DEFAULTS.duplexMode();

  /**
   * The config these properties describe ({@code url} aside).
   *
   * @return the config
   * @throws IllegalArgumentException if a property is out of range (as the builder checks)
   */
  public DuplexClientConfig toConfig() {
    return DuplexClientConfig.builder()
        .serverPollTimeout(serverPollTimeout)
        .clientPollTimeout(clientPollTimeout)
        .pollTimeoutMargin(pollTimeoutMargin)
        .inactivityTimeout(inactivityTimeout)
        .replyTimeout(replyTimeout)
        .closeTimeout(closeTimeout)
        .maxResponseBytes(maxResponseBytes)
        .wireFormat(wireFormat)
        .duplexMode(duplexMode)
        .build();
  }

  /**
   * {@code netduplex.client.url}: the service's address; with it the starter makes a
   * {@link PollingDuplexClientFactory}.
   *
   * @return the address, or null when it is not set
   */
  public URI getUrl() {
    return url;
  }

  /**
   * Binds {@code netduplex.client.url}.
   *
   * @param url the service's {@code http} or {@code https} address
   */
  public void setUrl(URI url) {
    this.url = url;
  }

  /**
   * {@code netduplex.client.server-poll-timeout}; see {@link DuplexClientConfig#serverPollTimeout}.
   *
   * @return the bound value, else the default
   */
  public Duration getServerPollTimeout() {
    return serverPollTimeout;
  }

  /**
   * Binds {@code netduplex.client.server-poll-timeout}.
   *
   * @param serverPollTimeout the value, checked when the config is built
   */
  public void setServerPollTimeout(Duration serverPollTimeout) {
    this.serverPollTimeout = serverPollTimeout;
  }

  /**
   * {@code netduplex.client.client-poll-timeout}; see {@link DuplexClientConfig#clientPollTimeout}.
   *
   * @return the bound value, else the default
   */
  public Duration getClientPollTimeout() {
    return clientPollTimeout;
  }

  /**
   * Binds {@code netduplex.client.client-poll-timeout}.
   *
   * @param clientPollTimeout the value, checked when the config is built
   */
  public void setClientPollTimeout(Duration clientPollTimeout) {
    this.clientPollTimeout = clientPollTimeout;
  }

  /**
   * {@code netduplex.client.poll-timeout-margin}; see {@link DuplexClientConfig#pollTimeoutMargin}.
   *
   * @return the bound value, else the default
   */
  public Duration getPollTimeoutMargin() {
    return pollTimeoutMargin;
  }

  /**
   * Binds {@code netduplex.client.poll-timeout-margin}.
   *
   * @param pollTimeoutMargin the value, checked when the config is built
   */
  public void setPollTimeoutMargin(Duration pollTimeoutMargin) {
    this.pollTimeoutMargin = pollTimeoutMargin;
  }

  /**
   * {@code netduplex.client.inactivity-timeout}; see {@link DuplexClientConfig#inactivityTimeout}.
   *
   * @return the bound value, else the default
   */
  public Duration getInactivityTimeout() {
    return inactivityTimeout;
  }

  /**
   * Binds {@code netduplex.client.inactivity-timeout}.
   *
   * @param inactivityTimeout the value, checked when the config is built
   */
  public void setInactivityTimeout(Duration inactivityTimeout) {
    this.inactivityTimeout = inactivityTimeout;
  }

  /**
   * {@code netduplex.client.reply-timeout}; see {@link DuplexClientConfig#replyTimeout}.
   *
   * @return the bound value, else the default
   */
  public Duration getReplyTimeout() {
    return replyTimeout;
  }

  /**
   * Binds {@code netduplex.client.reply-timeout}.
   *
   * @param replyTimeout the value, checked when the config is built
   */
  public void setReplyTimeout(Duration replyTimeout) {
    this.replyTimeout = replyTimeout;
  }

  /**
   * {@code netduplex.client.close-timeout}; see {@link DuplexClientConfig#closeTimeout}.
   *
   * @return the bound value, else the default
   */
  public Duration getCloseTimeout() {
    return closeTimeout;
  }

  /**
   * Binds {@code netduplex.client.close-timeout}.
   *
   * @param closeTimeout the value, checked when the config is built
   */
  public void setCloseTimeout(Duration closeTimeout) {
    this.closeTimeout = closeTimeout;
  }

  /**
   * {@code netduplex.client.max-response-bytes}; see {@link DuplexClientConfig#maxResponseBytes}.
   *
   * @return the bound value, else the default
   */
  public int getMaxResponseBytes() {
    return maxResponseBytes;
  }

  /**
   * Binds {@code netduplex.client.max-response-bytes}.
   *
   * @param maxResponseBytes the value, checked when the config is built
   */
  public void setMaxResponseBytes(int maxResponseBytes) {
    this.maxResponseBytes = maxResponseBytes;
  }

  /**
   * {@code netduplex.client.wire-format}; see {@link DuplexClientConfig#wireFormat}.
   *
   * @return the bound value, else the default
   */
  public WireFormat getWireFormat() {
    return wireFormat;
  }

  /**
   * Binds {@code netduplex.client.wire-format}.
   *
   * @param wireFormat the value, checked when the config is built
   */
  public void setWireFormat(WireFormat wireFormat) {
    this.wireFormat = wireFormat;
  }

  /**
   * {@code netduplex.client.duplex-mode}; see {@link DuplexClientConfig#duplexMode}.
   *
   * @return the bound value, else the default
   */
  public DuplexMode getDuplexMode() {
    return duplexMode;
  }

  /**
   * Binds {@code netduplex.client.duplex-mode}.
   *
   * @param duplexMode the value, checked when the config is built
   */
  public void setDuplexMode(DuplexMode duplexMode) {
    this.duplexMode = duplexMode;
  }
}
