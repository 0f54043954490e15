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
  private final String operation;

  public CallbackTimeoutException(String operation, DuplexSession session, Duration timeout) {
    super("No answer to callback " + operation + " from duplex session " + LogIds.brief(session.id())
        + " within " + timeout);
    this.operation = operation;
    this.session = session;
  }

  /** The callback operation, as {@code Contract.method}. */
  public String operation() {
    return operation;
  }

  public DuplexSession session() {
    return session;
  }
}
