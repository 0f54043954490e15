package org.netduplex.server.internal;

import java.nio.charset.StandardCharsets;
import org.netduplex.core.internal.DeliveryHeaders;
import org.netduplex.core.internal.MessageBatch;
import org.netduplex.core.internal.Soap11Envelopes;
import org.netduplex.core.internal.Soap12Envelopes;

/**
/**
 * A callback message waiting in a mailbox for a poll, with the session it belongs to and when it was
 * queued (the engine's clock), from which its delivery time is measured. On an acking address
 * (docs/protocol.md section 15) a message handed to a poll is numbered: {@code stream} is the
 * address's stream id and {@code sequence} its number from 1; otherwise they are null and 0.
 */
public record QueuedMessage(RealDuplexSession session, CallbackMessage message, long queuedNanos, String stream,
    long sequence) {
  public QueuedMessage(RealDuplexSession session, CallbackMessage message, long queuedNanos) {
    this(session, message, queuedNanos, null, 0);
  }

  /** This message as number {@code sequence} of {@code stream}. */
  public QueuedMessage numbered(String stream, long sequence) {
    return new QueuedMessage(session, message, queuedNanos, stream, sequence);
  }

  /** Whether it was numbered, so it stays in flight until the client acknowledges it. */
  public boolean numbered() {
    return stream != null;
  }

  /** Its {@code nda:Sequence} header, or null for a message of an address that does not ack. */
  public String sequenceHeader() {
    return stream == null ? null : DeliveryHeaders.sequence(stream, sequence);
  }

  /**
   * What this message costs in a batch answer in the given SOAP version, in text: its whole envelope
   * (exact: body, the session's header bytes, the action and any {@code wsa:RelatesTo} and
   * {@code nda:Sequence}) plus the multipart framing of its part.
   */
  public long batchBytes(boolean soap12) {
    long envelope = message.body().length + session.envelopeOverhead(soap12)
        + (soap12 ? Soap12Envelopes.actionBytes(message.action()) + Soap12Envelopes.relatesToBytes(message.relatesTo()) : 0)
        + replyRequestBytes(soap12) + (stream == null ? 0 : utf8Length(sequenceHeader()));
    return envelope + MessageBatch.PART_OVERHEAD;
  }

  /** The headers a two-way callback request adds (none for a one-way callback). */
  private int replyRequestBytes(boolean soap12) {
    String id = message.messageId();
    if (id == null) {
      return 0;
    }
    String headers = soap12 ? Soap12Envelopes.replyRequestHeaders(session.header(), id) : Soap11Envelopes.messageIdHeader(id);
    return utf8Length(headers);
  }

  private static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
