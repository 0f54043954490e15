package org.netduplex.server.internal;

/**
 * One encoded message for a session's polls: the body element as UTF-8 XML and its action. A
 * callback has no {@code relatesTo} and is encoded once and shared by every session a broadcast
 * reaches; the reply of a request-reply operation carries the request's {@code wsa:MessageID} in
 * {@code relatesTo}, written as {@code wsa:RelatesTo} (docs/protocol.md, "Request-reply operations").
 */
public record CallbackMessage(byte[] body, String action, String relatesTo) {
  /** A callback: no {@code wsa:RelatesTo}. */
  public CallbackMessage(byte[] body, String action) {
    this(body, action, null);
  }
}
