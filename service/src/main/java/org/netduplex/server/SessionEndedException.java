package org.netduplex.server;

import org.netduplex.server.internal.LogIds;

/**
 * A callback was made on a session that has ended; the client will not receive it. The message names
 * the session by a shortened id, as logs should; {@link #session()} has the whole one.
 */
public final class SessionEndedException extends IllegalStateException {
  private final transient DuplexSession session;

  /**
   * Made by the endpoint when a callback names an ended session.
   *
   * @param session the ended session
   */
  public SessionEndedException(DuplexSession session) {
    super("Duplex session " + LogIds.brief(session.id()) + " has ended");
    this.session = session;
  }

  /**
   * The session called back.
   *
   * @return the session; not serialized with the exception
   */
  public DuplexSession session() {
    return session;
  }
}
