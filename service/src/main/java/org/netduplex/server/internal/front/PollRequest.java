package org.netduplex.server.internal.front;

import org.netduplex.server.internal.DeliveryAck;

/**
 * What the poll front takes from a {@code MakeConnection}: its form, the polled address, its
 * {@code nda:Ack}, and whether it carried {@code nda:StreamedAnswer} (docs/protocol.md section 19).
 */
public record PollRequest(boolean soap12, boolean binary, String address, DeliveryAck ack, boolean streamed) {}
