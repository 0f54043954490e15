package org.netduplex.core.internal;

import java.nio.charset.StandardCharsets;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.NetDuplex;

/**
 * Writes the few SOAP 1.1 envelopes of the protocol as bytes, in the shape WCF writes them
 * (captures C, D, F). Hand-written templates: a poll answer costs one array copy, not a DOM.
 */
public final class Soap11Envelopes {
  private static final byte[] ENVELOPE_OPEN = utf8("<s:Envelope xmlns:s=\"" + NetDuplex.SOAP11_NS + "\">");
  private static final byte[] BODY_OPEN = utf8("<s:Body>");
  private static final byte[] BODY_CLOSE_ENVELOPE_CLOSE = utf8("</s:Body></s:Envelope>");

  private Soap11Envelopes() {}

  /** The {@code <s:Header>} of a message for {@code header}'s session, ready to prefix a body. */
  public static byte[] duplexHeaderBlock(DuplexHeader header) {
    return utf8("<s:Header><netdx:Duplex xmlns:netdx=\"" + NetDuplex.NETDX_NS + "\">"
        + "<netdx:Address>" + Xml.escape(header.address()) + "</netdx:Address>"
        + "<netdx:SessionId>" + Xml.escape(header.sessionId()) + "</netdx:SessionId>"
        + "</netdx:Duplex></s:Header>");
  }

  /**
   * The header block of a two-way callback request (a NetDuplex extension, docs/protocol.md section
   * 12): SOAP 1.1 has no WS-Addressing here, so {@code netdx:MessageID}, never mustUnderstand,
   * carries the id the answer's {@code netdx:RelatesTo} names.
   */
  public static byte[] duplexHeaderBlock(DuplexHeader header, String messageId) {
    return duplexHeaderBlock(header, messageId, null);
  }

  /**
   * As {@link #duplexHeaderBlock(DuplexHeader, String)}, with {@code sequence} (an {@code nda:Sequence}
   * header, {@link DeliveryHeaders#sequence}; null for none) last: a message on an acking address
   * (docs/protocol.md section 15).
   */
  public static byte[] duplexHeaderBlock(DuplexHeader header, String messageId, String sequence) {
    if (messageId == null && sequence == null) {
      return duplexHeaderBlock(header);
    }
    String block = new String(duplexHeaderBlock(header), StandardCharsets.UTF_8);
    String open = block.substring(0, block.length() - "</s:Header>".length());
    return utf8(open + (messageId == null ? "" : messageIdHeader(messageId)) + (sequence == null ? "" : sequence)
        + "</s:Header>");
  }

  /** The {@code netdx:MessageID} header of a SOAP 1.1 two-way callback request. */
  public static String messageIdHeader(String messageId) {
    return "<netdx:MessageID xmlns:netdx=\"" + NetDuplex.NETDX_NS + "\">" + Xml.escape(messageId) + "</netdx:MessageID>";
  }

  /** An envelope: the given header block (may be empty) and body content (one element, UTF-8). */
  public static byte[] envelope(byte[] headerBlock, byte[] bodyContent) {
    return Bytes.concat(head(headerBlock), bodyContent, BODY_CLOSE_ENVELOPE_CLOSE);
  }

  /**
   * The bytes of an {@link #envelope} before its body: the envelope's start, {@code headerBlock}
   * and {@code <s:Body>}. A poll answer is this, the body, then {@link #close()}.
   */
  public static byte[] head(byte[] headerBlock) {
    return Bytes.concat(ENVELOPE_OPEN, headerBlock, BODY_OPEN);
  }

  /** The bytes of an {@link #envelope} after its body; shared, not to be modified. */
  public static byte[] close() {
    return BODY_CLOSE_ENVELOPE_CLOSE;
  }

  /** Bytes an {@link #envelope} with {@code headerBlock} adds around its body. */
  public static int envelopeOverhead(byte[] headerBlock) {
    return ENVELOPE_OPEN.length + headerBlock.length + BODY_OPEN.length + BODY_CLOSE_ENVELOPE_CLOSE.length;
  }

  /** A {@code wsmc:MakeConnection} poll for {@code address} (capture C). */
  public static byte[] makeConnection(String address) {
    return makeConnection(address, null);
  }

  /** As {@link #makeConnection(String)}, with {@code headers} (XML, null for none) in an {@code s:Header}. */
  public static byte[] makeConnection(String address, String headers) {
    byte[] headerBlock = headers == null ? new byte[0] : utf8("<s:Header>" + headers + "</s:Header>");
    return envelope(headerBlock, utf8("<wsmc:MakeConnection xmlns:wsmc=\"" + NetDuplex.WSMC_NS + "\">"
        + "<wsmc:Address>" + Xml.escape(address) + "</wsmc:Address></wsmc:MakeConnection>"));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
