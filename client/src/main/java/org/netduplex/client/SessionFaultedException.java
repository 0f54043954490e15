package org.netduplex.client;

/** A call on a client whose session is gone ({@link ClientState#FAULTED}): build a new client. */
public final class SessionFaultedException extends IllegalStateException {
  public SessionFaultedException(String message, Throwable cause) {
    super(message, cause);
  }
}
