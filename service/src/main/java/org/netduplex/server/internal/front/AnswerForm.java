package org.netduplex.server.internal.front;

/**
 * The form a poll's answer takes: the poll's SOAP version and encoding (WCF answers in the form it
 * was spoken to), whether the client accepted a batch, and whether it asked for that batch streamed
 * ({@code nda:StreamedAnswer}, docs/protocol.md section 19).
 */
public record AnswerForm(boolean soap12, boolean binary, boolean batch, boolean streamed) {
  /** A form whose batch, if any, is buffered. */
  public AnswerForm(boolean soap12, boolean binary, boolean batch) {
    this(soap12, binary, batch, false);
  }
}
