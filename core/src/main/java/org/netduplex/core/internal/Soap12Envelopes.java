package org.netduplex.core.internal;

import java.nio.charset.StandardCharsets;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.NetDuplex;

/**
 * The SOAP 1.2 + WS-Addressing 1.0 form of a polling duplex message, for WCF custom bindings that
 * pair the polling duplex element with a SOAP 1.2 text encoding: the action travels in
 * {@code wsa:Action} (and the HTTP content type), the message is addressed {@code wsa:To} the
 * client's anonymous address, and {@code netdx:Duplex} names the session as in SOAP 1.1.
 */
public final class Soap12Envelopes {
  /** Content type of a SOAP 1.2 message (RFC 3902), without the optional action parameter. */
  public static final String CONTENT_TYPE = "application/soap+xml; charset=utf-8";
  private static final String ENVELOPE_OPEN =
      "<s:Envelope xmlns:s=\"" + NetDuplex.SOAP12_NS + "\" xmlns:a=\"" + NetDuplex.WSA_NS + "\">";
  private static final byte[] CLOSE = "</s:Body></s:Envelope>".getBytes(StandardCharsets.UTF_8);

  private Soap12Envelopes() {}

  /** A callback message for {@code header}'s session; {@code body} is one element, UTF-8. */
  public static byte[] message(DuplexHeader header, String action, byte[] body) {
    return message(header, action, body, false);
  }

  /**
   * Bytes a {@link #message} for {@code header} adds around its body, {@code wsmc:MessagePending}
   * included, apart from the action; add {@link #actionBytes} of the action for the whole overhead.
   */
  public static int envelopeOverhead(DuplexHeader header) {
    return message(header, "", new byte[0], true).length;
  }

  /** The headers that make a message a two-way callback request; empty without {@code messageId}. */
  public static String replyRequestHeaders(DuplexHeader header, String messageId) {
    return messageId == null ? "" : "<a:MessageID>" + Xml.escape(messageId) + "</a:MessageID>"
        + "<a:ReplyTo><a:Address>" + Xml.escape(header.address()) + "</a:Address></a:ReplyTo>";
  }

  /** Bytes {@code action} takes in a {@link #message}'s {@code wsa:Action}. */
  public static int actionBytes(String action) {
    return Xml.escape(action).getBytes(StandardCharsets.UTF_8).length;
  }

  /** Bytes {@code relatesTo} adds to a {@link #message} as {@code wsa:RelatesTo}; 0 for none. */
  public static int relatesToBytes(String relatesTo) {
    return relatesTo == null ? 0 : relatesTo(relatesTo).getBytes(StandardCharsets.UTF_8).length;
  }

  private static String relatesTo(String messageId) {
    return "<a:RelatesTo>" + Xml.escape(messageId) + "</a:RelatesTo>";
  }

  /** As {@link #message(DuplexHeader, String, String, byte[], boolean)} without {@code wsa:RelatesTo}. */
  public static byte[] message(DuplexHeader header, String action, byte[] body, boolean messagePending) {
    return message(header, action, null, body, messagePending);
  }

  /**
   * As {@link #message(DuplexHeader, String, byte[])}; a reply names the request it answers in
   * {@code relatesTo} ({@code wsa:RelatesTo}, right after the action); with {@code messagePending}, a
   * {@code wsmc:MessagePending pending="true"} header tells the client more messages wait for its
   * address (WS-MC 1.1 section 3.3; never in the SOAP 1.1 Net Duplex form, which WCF captures show without it).
   */
  public static byte[] message(DuplexHeader header, String action, String relatesTo, byte[] body,
      boolean messagePending) {
    return message(header, action, relatesTo, null, body, messagePending);
  }

  /**
   * As {@link #message(DuplexHeader, String, String, byte[], boolean)}; a {@code messageId} makes it a
   * two-way callback request (a NetDuplex extension, docs/protocol.md section 13): {@code wsa:MessageID}
   * and {@code wsa:ReplyTo} the client's anonymous address, where its answer names the request.
   */
  public static byte[] message(DuplexHeader header, String action, String relatesTo, String messageId, byte[] body,
      boolean messagePending) {
    return message(header, action, relatesTo, messageId, null, body, messagePending);
  }

  /**
   * As {@link #message(DuplexHeader, String, String, String, byte[], boolean)}, with {@code sequence}
   * (an {@code nda:Sequence} header, {@link DeliveryHeaders#sequence}; null for none) after the
   * addressing headers: a message on an acking address (docs/protocol.md section 15).
   */
  public static byte[] message(DuplexHeader header, String action, String relatesTo, String messageId, String sequence,
      byte[] body, boolean messagePending) {
    return Bytes.concat(head(header, action, relatesTo, messageId, sequence, messagePending), body, CLOSE);
  }

  /**
   * The bytes of a {@link #message(DuplexHeader, String, String, String, String, byte[], boolean)}
   * before its body: the envelope's start, its whole {@code s:Header} and {@code <s:Body>}. A poll
   * answer is this, the body, then {@link #close()}.
   */
  public static byte[] head(DuplexHeader header, String action, String relatesTo, String messageId, String sequence,
      boolean messagePending) {
    String head = ENVELOPE_OPEN
        + "<s:Header><a:Action s:mustUnderstand=\"1\">" + Xml.escape(action) + "</a:Action>"
        + (relatesTo == null ? "" : relatesTo(relatesTo))
        + replyRequestHeaders(header, messageId)
        + (sequence == null ? "" : sequence)
        + "<netdx:Duplex xmlns:netdx=\"" + NetDuplex.NETDX_NS + "\">"
        + "<netdx:Address>" + Xml.escape(header.address()) + "</netdx:Address>"
        + "<netdx:SessionId>" + Xml.escape(header.sessionId()) + "</netdx:SessionId></netdx:Duplex>"
        + "<a:To s:mustUnderstand=\"1\">" + Xml.escape(header.address()) + "</a:To>"
        + (messagePending ? "<wsmc:MessagePending xmlns:wsmc=\"" + NetDuplex.WSMC_NS + "\" pending=\"true\"/>" : "")
        + "</s:Header><s:Body>";
    return head.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The envelope's start and {@code <s:Body>} with no header in between: the namespace context every
   * message's body is written in (the header's declarations end with it).
   */
  public static byte[] headWithoutHeader() {
    return (ENVELOPE_OPEN + "<s:Body>").getBytes(StandardCharsets.UTF_8);
  }

  /** The bytes of a {@link #message} after its body; shared, not to be modified. */
  public static byte[] close() {
    return CLOSE;
  }
}
