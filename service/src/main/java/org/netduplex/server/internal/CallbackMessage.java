package org.netduplex.server.internal;

/**
 * One encoded callback: the body element as UTF-8 XML and the callback operation's action. Encoded
 * once and shared by every session a broadcast reaches.
 */
public record CallbackMessage(byte[] body, String action) {}
