package org.netduplex.server.internal.front;

import org.netduplex.server.internal.DeliveryAck;

/** What the poll front takes from a {@code MakeConnection}: its form, the polled address and its {@code nda:Ack}. */
public record PollRequest(boolean soap12, boolean binary, String address, DeliveryAck ack) {}
