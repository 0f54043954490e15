package org.netduplex.server.internal.front;

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
 * A poll's answer as bytes, ready to write: the one encoder of poll answers, used by the poll front
 * and by the in-chain path alike. The envelope is a header block fixed per session plus a body
 * encoded once per callback; {@code sent} are the messages it carries (those that could be encoded).
 */
public record PollAnswer(String contentType, byte[] body, List<QueuedMessage> sent) {
  private static final Logger LOG = Logger.getLogger(PollAnswer.class.getName());
  /** SOAP 1.1 text. */
  public static final String TEXT_CONTENT_TYPE = "text/xml; charset=utf-8";

  /**
   * Encodes {@code messages} (one, unless a batch) in the SOAP version and encoding of {@code form};
   * a batch goes in NetDuplex's multipart framing. A message that cannot be encoded (binary
   * transcoding refused it) is counted dropped and logged once per answer; the rest go in. Returns
   * null if none is left: the poll is then answered empty, so it never hangs.
   */
  public static PollAnswer encode(List<QueuedMessage> messages, AnswerForm form, DuplexEngine engine) {
    Envelopes e = envelopes(messages, form, engine);
    if (e == null) {
      return null;
    }
    if (!form.batch()) {
      return new PollAnswer(e.contentType(), e.envelopes().get(0), e.sent());
    }
    MessageBatch.Encoded batch = MessageBatch.encode(e.envelopes(), e.contentType());
    return new PollAnswer(batch.contentType(), batch.body(), e.sent());
  }

  /** Envelopes ready to send, one per message of {@code sent}, each of {@code contentType}. */
  public record Envelopes(String contentType, List<byte[]> envelopes, List<QueuedMessage> sent) {}

  /**
   * The envelopes of {@code messages} in the form of {@code form}, unframed: what {@link #encode}
   * frames, and what a streamed answer writes as parts. Drops (counts, logs once) what cannot be
   * encoded; null if nothing is left.
   */
  public static Envelopes envelopes(List<QueuedMessage> messages, AnswerForm form, DuplexEngine engine) {
    boolean soap12 = form.soap12();
    String contentType = form.binary() ? Msbin.CONTENT_TYPE : soap12 ? Soap12Envelopes.CONTENT_TYPE : TEXT_CONTENT_TYPE;
    List<QueuedMessage> sent = new ArrayList<>(messages.size());
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
          + LogIds.forLog(LOG, messages.get(0).session().id()) + " could not be encoded and were dropped: "
          + unencodable.getMessage());
    }
    return sent.isEmpty() ? null : new Envelopes(contentType, envelopes, sent);
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
}
