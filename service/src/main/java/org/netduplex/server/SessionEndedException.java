package org.netduplex.server;

/** A callback was made on a session that has ended; the client will not receive it. */
public final class SessionEndedException extends IllegalStateException {
  private final transient DuplexSession session;

  public SessionEndedException(DuplexSession session) {
    super("Duplex session " + session.id() + " has ended");
    this.session = session;
  }

  public DuplexSession session() {
    return session;
  }
}
