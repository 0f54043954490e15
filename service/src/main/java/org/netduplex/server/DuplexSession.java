package org.netduplex.server;

/**
 * One client's duplex session, opened by its first call. Hold on to it (or to a callback proxy from
 * {@link #callback}) to call the client back later, for instance from a broadcast. Thread-safe.
 */
public interface DuplexSession {
  /**
   * The {@code netdx:SessionId} the client chose.
   *
   * @return the id, as sent
   */
  String id();

  /**
   * The client's anonymous {@code netdx:Address}, which its polls name.
   *
   * @return the address, as sent
   */
  String address();

  /**
   * False once the session ended or the client closed it ({@code netdx:CloseSession}); callbacks on it
   * then fail with {@link SessionEndedException}.
   *
   * @return whether callbacks on it can still be queued
   */
  boolean isOpen();

  /**
   * Messages waiting for this session's next poll; for a client that acks (docs/protocol.md section
   * 15), also those sent and not yet acknowledged. Both count against {@code maxPendingMessagesPerSession}.
   *
   * @return the count now; it may change at once
   */
  int queuedMessages();

  /**
   * Time since the session opened, on the endpoint's clock.
   *
   * @return the age, never negative
   */
  java.time.Duration age();

  /**
   * Time since the session's last call or poll, on the endpoint's clock.
   *
   * @return the idle time, never negative
   */
  java.time.Duration idleTime();

  /**
   * Whether a poll of this session's address is parked, waiting for a message.
   *
   * @return whether a poll waits now; it may change at once
   */
  boolean pollParked();

  /**
   * A typed proxy of the callback contract (a generated interface) for this session, like WCF's
   * {@code GetCallbackChannel<T>()}. Calling a one-way method queues one message; it never blocks
   * on the network. Calling a two-way method (one that returns a value, a NetDuplex extension) queues
   * the request and blocks until the client answers: it returns the client's value or throws the
   * declared exception the client answered, {@link CallbackTimeoutException} after
   * {@link DuplexServerConfig#callbackReplyTimeout()}, {@link CallbackFaultException} or
   * {@link SessionEndedException}; see {@link #callbackAsync} for a form that does not block. It
   * throws {@link CallbackQueueFullException} when the queue is full and {@link SessionEndedException}
   * once the session ended.
   *
   * @param <T> the callback contract
   * @param callbackContract the generated callback interface
   * @return a proxy that sends each call to this session's client
   */
  <T> T callback(Class<T> callbackContract);

  /**
   * Makes one two-way callback (a callback operation that returns a value, a NetDuplex extension)
   * without blocking: {@code call} calls one such method on a proxy of {@code callbackContract}, and
   * the stage completes with its return value, or with the declared exception the client answered,
   * {@link CallbackTimeoutException}, {@link CallbackFaultException} or {@link SessionEndedException}.
   * It completes on {@code ForkJoinPool.commonPool()}, never on the endpoint's timer or request
   * threads.
   *
   * <pre>{@code
   * session.callbackAsync(IQuizCallback.class, quiz -> quiz.ask(question)).thenAccept(this::score);
   * }</pre>
   *
   * @param <T> the callback contract
   * @param <R> the operation's return type
   * @param callbackContract the generated callback interface
   * @param call makes exactly one two-way call on the proxy it is given
   * @return the answer to come
   * @throws IllegalArgumentException if {@code call} made no two-way call, or more than one
   * @throws CallbackQueueFullException when the queue is full
   * @throws SessionEndedException once the session ended
   */
  <T, R> java.util.concurrent.CompletionStage<R> callbackAsync(Class<T> callbackContract, TwoWayCall<T, R> call);

  /** Ends the session now: queued messages are dropped and later traffic naming it gets a fault. */
  void close();
}
