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

  public URI getUrl() {
    return url;
  }

  public void setUrl(URI url) {
    this.url = url;
  }

  public Duration getServerPollTimeout() {
    return serverPollTimeout;
  }

  public void setServerPollTimeout(Duration serverPollTimeout) {
    this.serverPollTimeout = serverPollTimeout;
  }

  public Duration getClientPollTimeout() {
    return clientPollTimeout;
  }

  public void setClientPollTimeout(Duration clientPollTimeout) {
    this.clientPollTimeout = clientPollTimeout;
  }

  public Duration getPollTimeoutMargin() {
    return pollTimeoutMargin;
  }

  public void setPollTimeoutMargin(Duration pollTimeoutMargin) {
    this.pollTimeoutMargin = pollTimeoutMargin;
  }

  public Duration getInactivityTimeout() {
    return inactivityTimeout;
  }

  public void setInactivityTimeout(Duration inactivityTimeout) {
    this.inactivityTimeout = inactivityTimeout;
  }

  public Duration getReplyTimeout() {
    return replyTimeout;
  }

  public void setReplyTimeout(Duration replyTimeout) {
    this.replyTimeout = replyTimeout;
  }

  public Duration getCloseTimeout() {
    return closeTimeout;
  }

  public void setCloseTimeout(Duration closeTimeout) {
    this.closeTimeout = closeTimeout;
  }

  public int getMaxResponseBytes() {
    return maxResponseBytes;
  }

  public void setMaxResponseBytes(int maxResponseBytes) {
    this.maxResponseBytes = maxResponseBytes;
  }

  public WireFormat getWireFormat() {
    return wireFormat;
  }

  public void setWireFormat(WireFormat wireFormat) {
    this.wireFormat = wireFormat;
  }

  public DuplexMode getDuplexMode() {
    return duplexMode;
  }

  public void setDuplexMode(DuplexMode duplexMode) {
    this.duplexMode = duplexMode;
  }
}
