package org.netduplex.client.internal;

/** A poll answer that is not a callback for this session; the client drops it and polls on. */
public final class RejectedMessageException extends RuntimeException {
  public RejectedMessageException(String reason, Throwable cause) {
    super(reason, cause, false, false);
  }
}
