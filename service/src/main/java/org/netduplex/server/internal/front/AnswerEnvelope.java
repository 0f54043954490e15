package org.netduplex.server.internal.front;

import org.netduplex.core.internal.Bytes;
import org.netduplex.core.internal.Soap11Envelopes;
import org.netduplex.core.internal.Soap12Envelopes;
import org.netduplex.server.internal.CallbackMessage;
import org.netduplex.server.internal.QueuedMessage;
import org.netduplex.server.internal.RealDuplexSession;

/**
 * The envelope of one queued message in a poll answer's form, as three parts joined in one
 * exact-size copy: the head (per session, and per message where it carries the message's headers),
 * the body in that form (encoded once per form on the shared {@link CallbackMessage}: a broadcast's
 * body is encoded once for all its sessions), and the closing bytes. A text body is the message's
 * own bytes; a binary one is its msbin1 part ({@link MsbinParts}), so the binary envelope is what
 * transcoding the whole text envelope would give, byte for byte.
 */
final class AnswerEnvelope {
  // The body's forms on CallbackMessage.bodyForms().
  private static final int BODY_MSBIN_SOAP11 = 0;
  private static final int BODY_MSBIN_SOAP12 = 1;
  // A session's fixed heads on RealDuplexSession.heads(): a one-way callback's, SOAP 1.1.
  private static final int HEAD_TEXT_SOAP11 = 0;
  private static final int HEAD_MSBIN_SOAP11 = 1;

  private AnswerEnvelope() {}

  /**
   * The envelope of {@code m} in {@code form}; {@code pending} adds {@code wsmc:MessagePending}
   * (SOAP 1.2 only). A numbered message (acking address) carries its {@code nda:Sequence}.
   *
   * @throws IllegalStateException if the message has no msbin1 form (binary transcoding refused it)
   */
  static byte[] of(QueuedMessage m, AnswerForm form, boolean pending) {
    byte[] close = form.soap12() ? Soap12Envelopes.close() : Soap11Envelopes.close();
    byte[] head = form.soap12() ? soap12Head(m, pending) : soap11Head(m, form.binary());
    if (!form.binary()) {
      return Bytes.concat(head, m.message().body(), close);
    }
    if (form.soap12()) {
      head = MsbinParts.head(head, close); // carries the message's own headers: made per answer
    }
    return Bytes.concat(head, binaryBody(m.message(), form.soap12()), MsbinParts.TAIL);
  }

  private static byte[] binaryBody(CallbackMessage message, boolean soap12) {
    return message.bodyForms().get(soap12 ? BODY_MSBIN_SOAP12 : BODY_MSBIN_SOAP11,
        () -> MsbinParts.body(message.body(), soap12));
  }

  /** SOAP 1.1: the session's fixed head, unless the message adds its id or sequence number to it. */
  private static byte[] soap11Head(QueuedMessage m, boolean binary) {
    RealDuplexSession session = m.session();
    String sequence = m.sequenceHeader();
    String messageId = m.message().messageId();
    if (messageId != null || sequence != null) {
      byte[] text = Soap11Envelopes.head(Soap11Envelopes.duplexHeaderBlock(session.header(), messageId, sequence));
      return binary ? MsbinParts.head(text, Soap11Envelopes.close()) : text;
    }
    byte[] text = session.heads().get(HEAD_TEXT_SOAP11,
        () -> Soap11Envelopes.head(Soap11Envelopes.duplexHeaderBlock(session.header())));
    return binary
        ? session.heads().get(HEAD_MSBIN_SOAP11, () -> MsbinParts.head(text, Soap11Envelopes.close()))
        : text;
  }

  /** SOAP 1.2: made per answer (the action, {@code wsa:RelatesTo}, ids and MessagePending are the message's). */
  private static byte[] soap12Head(QueuedMessage m, boolean pending) {
    CallbackMessage message = m.message();
    return Soap12Envelopes.head(m.session().header(), message.action(), message.relatesTo(), message.messageId(),
        m.sequenceHeader(), pending);
  }
}
