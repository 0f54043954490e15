package org.netduplex.server.internal;

import java.nio.charset.StandardCharsets;
import org.netduplex.core.internal.MessageBatch;
import org.netduplex.core.internal.Soap11Envelopes;
import org.netduplex.core.internal.Soap12Envelopes;

/**
 * A callback message waiting in a mailbox for a poll, with the session it belongs to and when it was
 * queued (the engine's clock), from which its delivery time is measured.
 */
public record QueuedMessage(RealDuplexSession session, CallbackMessage message, long queuedNanos) {
  /**
   * What this message costs in a batch answer in the given SOAP version, in text: its whole envelope
   * (exact: body, the session's header bytes, the action and any {@code wsa:RelatesTo}) plus the multipart framing of its part.
   */
  public long batchBytes(boolean soap12) {
    long envelope = message.body().length + session.envelopeOverhead(soap12)
        + (soap12 ? Soap12Envelopes.actionBytes(message.action()) + Soap12Envelopes.relatesToBytes(message.relatesTo()) : 0)
        + replyRequestBytes(soap12);
    return envelope + MessageBatch.PART_OVERHEAD;
  }

  /** The headers a two-way callback request adds (none for a one-way callback). */
  private int replyRequestBytes(boolean soap12) {
    String id = message.messageId();
    if (id == null) {
      return 0;
    }
    String headers = soap12 ? Soap12Envelopes.replyRequestHeaders(session.header(), id) : Soap11Envelopes.messageIdHeader(id);
    return headers.getBytes(StandardCharsets.UTF_8).length;
  }
}
