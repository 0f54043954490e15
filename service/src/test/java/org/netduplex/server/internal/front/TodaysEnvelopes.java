package org.netduplex.server.internal.front;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.NetDuplex;
import org.netduplex.core.internal.Soap11Envelopes;
import org.netduplex.core.internal.Soap12Envelopes;
import org.netduplex.core.internal.Xml;
import org.netduplex.msbin.Msbin;
import org.netduplex.server.internal.CallbackMessage;
import org.netduplex.server.internal.QueuedMessage;

/**
 * The envelope of a queued message as the poll answer encoder wrote it before bodies were encoded
 * once (commit a0f774f): the whole text envelope, its templates copied here as they were, transcoded
 * whole to msbin1 by {@link Msbin#fromText}. The reference the split encoding must equal byte for byte.
 */
final class TodaysEnvelopes {
  private TodaysEnvelopes() {}

  static byte[] of(QueuedMessage m, AnswerForm form, boolean pending) throws Exception {
    return of(m, form, pending, Soap11Envelopes.duplexHeaderBlock(m.session().header(), m.message().messageId(),
        m.sequenceHeader()));
  }

  /**
   * As {@link #of(QueuedMessage, AnswerForm, boolean)} with the SOAP 1.1 header block given: the
   * session's, which the encoder kept per session for one-way callbacks.
   */
  static byte[] of(QueuedMessage m, AnswerForm form, boolean pending, byte[] soap11HeaderBlock) throws Exception {
    byte[] text = form.soap12() ? soap12(m, pending) : soap11(m, soap11HeaderBlock);
    return form.binary() ? Msbin.fromText(new String(text, StandardCharsets.UTF_8)) : text;
  }

  private static byte[] soap11(QueuedMessage m, byte[] headerBlock) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8("<s:Envelope xmlns:s=\"" + NetDuplex.SOAP11_NS + "\">"));
    out.writeBytes(headerBlock);
    out.writeBytes(utf8("<s:Body>"));
    out.writeBytes(m.message().body());
    out.writeBytes(utf8("</s:Body></s:Envelope>"));
    return out.toByteArray();
  }

  private static byte[] soap12(QueuedMessage m, boolean messagePending) {
    DuplexHeader header = m.session().header();
    CallbackMessage message = m.message();
    String sequence = m.sequenceHeader();
    String head = "<s:Envelope xmlns:s=\"" + NetDuplex.SOAP12_NS + "\" xmlns:a=\"" + NetDuplex.WSA_NS + "\">"
        + "<s:Header><a:Action s:mustUnderstand=\"1\">" + Xml.escape(message.action()) + "</a:Action>"
        + (message.relatesTo() == null ? "" : "<a:RelatesTo>" + Xml.escape(message.relatesTo()) + "</a:RelatesTo>")
        + Soap12Envelopes.replyRequestHeaders(header, message.messageId())
        + (sequence == null ? "" : sequence)
        + "<netdx:Duplex xmlns:netdx=\"" + NetDuplex.NETDX_NS + "\">"
        + "<netdx:Address>" + Xml.escape(header.address()) + "</netdx:Address>"
        + "<netdx:SessionId>" + Xml.escape(header.sessionId()) + "</netdx:SessionId></netdx:Duplex>"
        + "<a:To s:mustUnderstand=\"1\">" + Xml.escape(header.address()) + "</a:To>"
        + (messagePending ? "<wsmc:MessagePending xmlns:wsmc=\"" + NetDuplex.WSMC_NS + "\" pending=\"true\"/>" : "")
        + "</s:Header><s:Body>";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8(head));
    out.writeBytes(message.body());
    out.writeBytes(utf8("</s:Body></s:Envelope>"));
    return out.toByteArray();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
