package org.netduplex.server.internal;

/**
 * One encoded callback: the body element as UTF-8 XML and the callback operation's action. Encoded
 * once and shared by every session a broadcast reaches. {@code messageId} is set on a two-way
 * callback request only (the id the client's answer relates to); null for one-way callbacks.
 */
public record CallbackMessage(byte[] body, String action, String messageId) {
  public CallbackMessage(byte[] body, String action) {
    this(body, action, null);
  }
}
