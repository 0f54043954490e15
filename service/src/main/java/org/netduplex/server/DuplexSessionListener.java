package org.netduplex.server;

/**
 * Hooks for session lifecycle and metrics. Methods run on the thread that caused the event (a request
 * thread or the scheduler), never under an engine lock; they must be fast and must not block.
 * Every method has a no-op default.
 */
public interface DuplexSessionListener {
  /** A listener that ignores everything. */
  DuplexSessionListener NONE = new DuplexSessionListener() {};

  /**
   * The first call naming a new session arrived.
   *
   * @param session the session, as the callbacks to it see it
   */
  default void sessionOpened(DuplexSession session) {}

  /**
   * The session ended; its queued messages were dropped. Services drop their subscribers here.
   *
   * @param session the session, as the callbacks to it see it
   * @param reason why it ended
   */
  default void sessionEnded(DuplexSession session, SessionEndReason reason) {}

  /**
   * A callback message could not be queued because the session's queue is full.
   *
   * @param session the session, as the callbacks to it see it
   */
  default void messageRefused(DuplexSession session) {}

  /**
   * A callback message was handed to a poll response.
   *
   * @param session the session, as the callbacks to it see it
   */
  default void messageDelivered(DuplexSession session) {}
}
