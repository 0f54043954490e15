package org.netduplex.server;

/** Why a duplex session ended. */
public enum SessionEndReason {
  /** No call and no poll for the configured inactivity timeout. */
  INACTIVITY_TIMEOUT,
  /**
   * The client sent {@code netdx:CloseSession}: the session was half-closed, and ended once its queued
   * callbacks were delivered (or, if the client stopped polling, at the inactivity timeout, dropping them).
   */
  CLOSED_BY_CLIENT,
  /** Service code called {@link DuplexSession#close()}. */
  CLOSED_BY_SERVICE,
  /** The feature was closed: the endpoint is shutting down. */
  SERVER_STOPPED
}
