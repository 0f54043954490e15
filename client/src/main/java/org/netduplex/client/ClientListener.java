package org.netduplex.client;

/**
 * What a {@link PollingDuplexClient} reports besides callbacks. Methods run on the client's
 * internal threads: return quickly and never block.
 */
public interface ClientListener {
  /**
   * The client moved from {@code from} to {@code to}; {@code cause} is why it left OPEN or faulted
   * (a network error, a SOAP fault), else null.
   *
   * @param from the state left
   * @param to the state entered
   * @param cause why, or null
   */
  default void stateChanged(ClientState from, ClientState to, Throwable cause) {}

  /**
   * A poll answer was not a callback for this session (not XML, another session, unknown body): dropped.
   *
   * @param reason what was wrong with it
   * @param cause the error that found it, or null
   */
  default void messageRejected(String reason, Throwable cause) {}

  /**
   * The callback implementation threw; the client goes on with the next message.
   *
   * @param operation the callback operation's name
   * @param error what it threw
   */
  default void callbackFailed(String operation, Throwable error) {}

  /**
   * A reply to a request-reply call came on a poll after nobody waited for it any more (its call
   * timed out) or it names no call of this client; it was dropped. {@code relatesTo} is its
   * {@code wsa:RelatesTo}.
   *
   * @param relatesTo the reply's {@code wsa:RelatesTo}
   */
  default void replyDropped(String relatesTo) {}
}
