package org.netduplex.client.internal;

/** A poll answer's envelope that answers a request-reply call: it names that call's MessageID in {@code wsa:RelatesTo}. */
public record PolledReply(String relatesTo, byte[] envelope, String contentType) {}
