package org.netduplex.server.internal;

/**
 * One encoded message for a session's polls: the body element as UTF-8 XML and its action. A
 * one-way callback has neither id and is encoded once and shared by every session a broadcast
 * reaches. {@code messageId} is set on a two-way callback request only (the id the client's answer
 * relates to, docs/protocol.md section 13); {@code relatesTo} on the reply of a request-reply
 * operation only (the request's {@code wsa:MessageID}, written as {@code wsa:RelatesTo};
 * docs/protocol.md, "Request-reply operations").
 */
public record CallbackMessage(byte[] body, String action, String messageId, String relatesTo) {
  /** A one-way callback. */
  public CallbackMessage(byte[] body, String action) {
    this(body, action, null, null);
  }

  /** A two-way callback request, answered by a client POST relating to {@code messageId}. */
  public static CallbackMessage request(byte[] body, String action, String messageId) {
    return new CallbackMessage(body, action, messageId, null);
  }

  /** The reply of a request-reply operation to the request {@code relatesTo}. */
  public static CallbackMessage reply(byte[] body, String action, String relatesTo) {
    return new CallbackMessage(body, action, null, relatesTo);
  }
}
