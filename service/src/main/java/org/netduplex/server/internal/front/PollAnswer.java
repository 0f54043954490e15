package org.netduplex.server.internal.front;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.netduplex.core.internal.MessageBatch;
import org.netduplex.core.internal.Soap12Envelopes;
import org.netduplex.msbin.Msbin;
import org.netduplex.server.internal.DuplexEngine;
import org.netduplex.server.internal.LogIds;
import org.netduplex.server.internal.QueuedMessage;

/**
 * A poll's answer as bytes, ready to write: the one encoder of poll answers, used by the poll front
 * and by the in-chain path alike. Each envelope is a session's head, the body encoded once per
 * callback and form, and the closing bytes ({@link AnswerEnvelope}); {@code sent} are the messages it
 * carries (those that could be encoded).
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
        envelopes.add(AnswerEnvelope.of(m, form, last && soap12 && engine.morePending(m)));
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
}
