package org.netduplex.client;

/** A call on a client whose session is gone ({@link ClientState#FAULTED}): build a new client. */
public final class SessionFaultedException extends IllegalStateException {
  /**
   * Made by the client when a call comes after its session faulted.
   *
   * @param message what the call was
   * @param cause why the session faulted, or null
   */
  public SessionFaultedException(String message, Throwable cause) {
    super(message, cause);
  }
}
