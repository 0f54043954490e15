package org.netduplex.core.internal;

import org.netduplex.core.NetDuplex;

/**
 * The two headers of acknowledged delivery, a NetDuplex extension (docs/protocol.md section 15):
 * {@code nda:Sequence} numbers a message on a poll answer, {@code nda:Ack} on a poll says what the
 * client has received. Never {@code mustUnderstand}: a WCF peer ignores both.
 */
public final class DeliveryHeaders {
  /** Local names of the headers and of their attribute. */
  public static final String SEQUENCE = "Sequence";
  public static final String ACK = "Ack";
  public static final String STREAM = "stream";
  /**
   * Local name of the poll header that asks for a streamed batch answer (docs/protocol.md section 19),
   * {@code <nda:StreamedAnswer/>}; sent only with {@code Accept: multipart/mixed}.
   */
  public static final String STREAMED_ANSWER = "StreamedAnswer";
  /** The {@code nda:StreamedAnswer} header as a poll carries it. */
  public static final String STREAMED_ANSWER_HEADER = "<nda:StreamedAnswer xmlns:nda=\"" + NetDuplex.DELIVERY_NS + "\"/>";

  private DeliveryHeaders() {}

  /** {@code <nda:Sequence stream="S">n</nda:Sequence>}: message {@code n} of the address's stream {@code S}. */
  public static String sequence(String stream, long number) {
    return "<nda:Sequence xmlns:nda=\"" + NetDuplex.DELIVERY_NS + "\" stream=\"" + Xml.escape(stream) + "\">"
        + number + "</nda:Sequence>";
  }

  /** {@code <nda:Ack stream="S">N</nda:Ack>}; without {@code stream} (null) on a client's first poll. */
  public static String ack(String stream, long highest) {
    return "<nda:Ack xmlns:nda=\"" + NetDuplex.DELIVERY_NS + "\""
        + (stream == null ? "" : " stream=\"" + Xml.escape(stream) + "\"") + ">" + highest + "</nda:Ack>";
  }

  /** The number a header's text holds: a decimal from 0 to {@link Long#MAX_VALUE}, else -1. */
  public static long number(String text) {
    String t = text == null ? "" : text.trim();
    if (t.isEmpty() || t.length() > 19) {
      return -1;
    }
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) < '0' || t.charAt(i) > '9') {
        return -1;
      }
    }
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException e) {
      return -1; // 19 digits above Long.MAX_VALUE
    }
  }
}
