package org.netduplex.server.internal;

/**
 * One encoded message for a session's polls: the body element as UTF-8 XML and its action. A
 * one-way callback has neither id and is encoded once and shared by every session a broadcast
 * reaches, with its body's wire forms ({@link #bodyForms()}). {@code messageId} is set on a two-way
 * callback request only (the id the client's answer relates to, docs/protocol.md section 13);
 * {@code relatesTo} on the reply of a request-reply operation only (the request's
 * {@code wsa:MessageID}, written as {@code wsa:RelatesTo}; docs/protocol.md, "Request-reply operations").
 */
public final class CallbackMessage {
  /** Wire forms of a body other than its text: msbin1 in the SOAP 1.1 and the SOAP 1.2 envelope. */
  private static final int BODY_FORMS = 2;

  private final byte[] body;
  private final String action;
  private final String messageId;
  private final String relatesTo;
  private final EncodedForms bodyForms = new EncodedForms(BODY_FORMS);

  public CallbackMessage(byte[] body, String action, String messageId, String relatesTo) {
    this.body = body;
    this.action = action;
    this.messageId = messageId;
    this.relatesTo = relatesTo;
  }

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

  /** The body element, UTF-8 XML: its text form in every envelope. Not to be modified. */
  public byte[] body() {
    return body;
  }

  public String action() {
    return action;
  }

  /** The id of a two-way callback request; null otherwise. */
  public String messageId() {
    return messageId;
  }

  /** The request a reply answers; null otherwise. */
  public String relatesTo() {
    return relatesTo;
  }

  /** The body's other wire forms, made when first asked for and shared by every session it is queued for. */
  public EncodedForms bodyForms() {
    return bodyForms;
  }

  @Override
  public String toString() {
    return "CallbackMessage{" + action + (messageId == null ? "" : ", id " + messageId)
        + (relatesTo == null ? "" : ", relates to " + relatesTo) + ", " + body.length + " bytes}";
  }
}
