package org.netduplex.server;

/** Why a duplex session ended. */
public enum SessionEndReason {
  /** No call and no poll for the configured inactivity timeout. */
  INACTIVITY_TIMEOUT,
  /** Service code called {@link DuplexSession#close()}. */
  CLOSED_BY_SERVICE,
  /** The feature was closed: the endpoint is shutting down. */
  SERVER_STOPPED
}
