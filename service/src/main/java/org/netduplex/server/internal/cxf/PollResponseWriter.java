package org.netduplex.server.internal.cxf;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.stream.XMLStreamException;
import org.netduplex.core.internal.MessageBatch;
import org.netduplex.core.internal.Soap11Envelopes;
import org.netduplex.core.internal.Soap12Envelopes;
import org.netduplex.msbin.Msbin;
import org.netduplex.server.internal.DuplexEngine;
import org.netduplex.server.internal.LogIds;
import org.netduplex.server.internal.QueuedMessage;

/**
 * Writes a poll's answer straight to the servlet response, bypassing CXF's outbound chain: the
 * envelope is a header block fixed per session plus a body encoded once per callback.
 */
final class PollResponseWriter {
  private static final Logger LOG = Logger.getLogger(PollResponseWriter.class.getName());
  static final String CONTENT_TYPE = "text/xml; charset=utf-8";

  private PollResponseWriter() {}

  /**
   * Answers with {@code messages} (one, unless a batch), in the SOAP version and encoding the poll
   * was made in; a batch goes in NetDuplex's multipart framing. If the client is gone the messages
   * are queued again, first in line and in order, for its next poll (on an acking address they are
   * still in flight, and the next poll gets them first). A message that cannot be
   * encoded (binary transcoding refused it) is counted dropped and logged once per answer; the rest
   * go out, and if none is left the poll is answered empty, so it never hangs.
   */
  static void writeMessages(HttpServletResponse response, List<QueuedMessage> messages, AnswerForm form,
      DuplexEngine engine) {
    boolean soap12 = form.soap12();
    String contentType = form.binary() ? Msbin.CONTENT_TYPE : soap12 ? Soap12Envelopes.CONTENT_TYPE : CONTENT_TYPE;
    List<QueuedMessage> sent = new ArrayList<>(messages.size());
    byte[] body;
    try {
      List<byte[]> envelopes = new ArrayList<>(messages.size());
      RuntimeException unencodable = null;
      int dropped = 0;
      for (int i = 0; i < messages.size(); i++) {
        QueuedMessage m = messages.get(i);
        boolean last = i == messages.size() - 1;
        // wsmc:MessagePending only where WS-Addressing is spoken; the SOAP 1.1 form stays as captured.
        try {
          envelopes.add(encoded(envelope(m, soap12, last && soap12 && engine.morePending(m)), form));
          sent.add(m);
        } catch (RuntimeException e) {
          unencodable = unencodable == null ? e : unencodable;
          dropped++;
          engine.undeliverable(m);
        }
      }
      if (unencodable != null) {
        LOG.log(Level.WARNING, dropped + " of " + messages.size() + " callback message(s) for session "
            + LogIds.forLog(LOG, messages.get(0).session().id()) + " could not be encoded and were dropped: " + unencodable.getMessage());
      }
      if (sent.isEmpty()) {
        writeEmpty(response);
        engine.answeredEmpty();
        return;
      }
      if (form.batch()) {
        MessageBatch.Encoded encoded = MessageBatch.encode(envelopes, contentType);
        contentType = encoded.contentType();
        body = encoded.body();
      } else {
        body = envelopes.get(0);
      }
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentType(contentType);
      response.setContentLength(body.length);
      OutputStream out = response.getOutputStream();
      out.write(body);
      response.flushBuffer();
    } catch (IOException | RuntimeException e) {
      LOG.fine(() -> "Poll answer for session " + messages.get(0).session().id() + " not written, messages kept: " + e);
      engine.redeliver(sent); // all first in line, in order, before a parked poll gets the head
      return;
    }
    engine.answeredWithMessages();
    for (QueuedMessage m : sent) {
      engine.delivered(m);
    }
  }

  /**
   * The envelope in the poll's encoding. Binary is transcoded from the text template: one streaming
   * pass, and the text path, which WCF's captures pin, stays the only writer of envelopes.
   */
  private static byte[] encoded(byte[] textEnvelope, AnswerForm form) {
    if (!form.binary()) {
      return textEnvelope;
    }
    try {
      return Msbin.fromText(new String(textEnvelope, StandardCharsets.UTF_8));
    } catch (XMLStreamException e) {
      throw new IllegalStateException("a callback envelope does not encode as msbin1: " + e.getMessage(), e);
    }
  }

  /** The text envelope; a numbered message (acking address) carries its {@code nda:Sequence}. */
  private static byte[] envelope(QueuedMessage m, boolean soap12, boolean pending) {
    String sequence = m.sequenceHeader();
    return soap12
        ? Soap12Envelopes.message(m.session().header(), m.message().action(), m.message().relatesTo(),
            m.message().messageId(), sequence, m.message().body(), pending)
        : Soap11Envelopes.envelope(m.message().messageId() == null && sequence == null ? m.session().headerBlock()
            : Soap11Envelopes.duplexHeaderBlock(m.session().header(), m.message().messageId(), sequence),
            m.message().body());
  }

  /** Answers {@code 200} with an empty body, as WCF does when a poll times out (seed 002). */
  static void writeEmpty(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentLength(0);
    try {
      response.flushBuffer();
    } catch (IOException e) {
      LOG.fine(() -> "Empty poll answer not written: " + e);
    }
  }
}
