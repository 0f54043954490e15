package org.netduplex.server;

import java.time.Duration;
import org.netduplex.server.internal.LogIds;

/**
 * A two-way callback got no answer from the client within
 * {@link DuplexServerConfig#callbackReplyTimeout()}. An answer arriving later is dropped and counted
 * in {@link DuplexMetrics#lateCallbackReplies()}.
 */
public final class CallbackTimeoutException extends RuntimeException {
  private final transient DuplexSession session;
  /** The callback operation, see {@link #operation()}. */
  private final String operation;

  /**
   * Made by the endpoint when a callback's reply timeout runs out.
   *
   * @param operation the callback operation, as {@code Contract.method}
   * @param session the session called back
   * @param timeout the reply timeout that ran out
   */
  public CallbackTimeoutException(String operation, DuplexSession session, Duration timeout) {
    super("No answer to callback " + operation + " from duplex session " + LogIds.brief(session.id())
        + " within " + timeout);
    this.operation = operation;
    this.session = session;
  }

  /**
   * The callback operation, as {@code Contract.method}.
   *
   * @return the operation's name
   */
  public String operation() {
    return operation;
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
