package org.netduplex.server;

import org.netduplex.server.internal.LogIds;

/**
 * A callback could not be queued: the session already has the maximum number of messages waiting. The
 * message names the session by a shortened id, as logs should; {@link #session()} has the whole one.
 */
public final class CallbackQueueFullException extends RuntimeException {
  private final transient DuplexSession session;

  /**
   * Made by the endpoint when a session's queue refuses a callback.
   *
   * @param session the session whose queue is full
   * @param limit its limit, {@link DuplexServerConfig#maxPendingMessagesPerSession()}
   */
  public CallbackQueueFullException(DuplexSession session, int limit) {
    super("Callback queue of session " + LogIds.brief(session.id()) + " is full (" + limit + " messages waiting)");
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
