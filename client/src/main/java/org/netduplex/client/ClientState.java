package org.netduplex.client;

/** Where a {@link PollingDuplexClient} is in its life, as a WCF channel's states. */
public enum ClientState {
  /** Built; no call made yet, so no session exists on the server. */
  CREATED,
  /** A call opened the session; the client polls but has no answer yet, or is retrying after errors. */
  CONNECTING,
  /** Polls are being answered. */
  OPEN,
  /** The session is gone (ended by the server, or unreachable past the inactivity timeout): no more polls. */
  FAULTED,
  /** Closed by {@link PollingDuplexClient#close()}. */
  CLOSED;

  /**
   * FAULTED and CLOSED are final.
   *
   * @return whether the client can never leave this state
   */
  public boolean isFinal() {
    return this == FAULTED || this == CLOSED;
  }
}
