package org.netduplex.client.internal;

/** A poll answer's {@code nda:Sequence}: message {@code number} of the server's stream {@code stream}. */
public record DeliverySequence(String stream, long number) {}
