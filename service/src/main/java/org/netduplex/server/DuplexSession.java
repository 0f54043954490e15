package org.netduplex.server;

/**
 * One client's duplex session, opened by its first call. Hold on to it (or to a callback proxy from
 * {@link #callback}) to call the client back later, for instance from a broadcast. Thread-safe.
 */
public interface DuplexSession {
  /** The {@code netdx:SessionId} the client chose. */
  String id();

  /** The client's anonymous {@code netdx:Address}, which its polls name. */
  String address();

  /**
   * False once the session ended or the client closed it ({@code netdx:CloseSession}); callbacks on it
   * then fail with {@link SessionEndedException}.
   */
  boolean isOpen();

  /** Messages waiting for this session's next poll. */
  int queuedMessages();

  /** Time since the session opened, on the endpoint's clock. */
  java.time.Duration age();

  /** Time since the session's last call or poll, on the endpoint's clock. */
  java.time.Duration idleTime();

  /** Whether a poll of this session's address is parked, waiting for a message. */
  boolean pollParked();

  /**
   * A typed proxy of the callback contract (a generated interface) for this session, like WCF's
   * {@code GetCallbackChannel<T>()}. Calling a method queues one message; it never blocks on the
   * network. It throws {@link CallbackQueueFullException} when the queue is full and
   * {@link SessionEndedException} once the session ended.
   */
  <T> T callback(Class<T> callbackContract);

  /** Ends the session now: queued messages are dropped and later traffic naming it gets a fault. */
  void close();
}
