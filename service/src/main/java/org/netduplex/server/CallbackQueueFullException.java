package org.netduplex.server;

/** A callback could not be queued: the session already has the maximum number of messages waiting. */
public final class CallbackQueueFullException extends RuntimeException {
  private final transient DuplexSession session;

  public CallbackQueueFullException(DuplexSession session, int limit) {
    super("Callback queue of session " + session.id() + " is full (" + limit + " messages waiting)");
    this.session = session;
  }

  public DuplexSession session() {
    return session;
  }
}
