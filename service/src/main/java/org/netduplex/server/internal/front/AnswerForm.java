package org.netduplex.server.internal.front;

/**
 * The form a poll's answer takes: the poll's SOAP version and encoding (WCF answers in the form it
 * was spoken to), and whether the client accepted a batch.
 */
public record AnswerForm(boolean soap12, boolean binary, boolean batch) {}
