package org.netduplex.server.internal;

/**
 * What a poll's {@code nda:Ack} said (docs/protocol.md section 15): the client has received every
 * message of {@code stream} up to {@code highest}. {@code stream} is null on a client's first poll,
 * which knows none yet. A poll without the header has no {@code DeliveryAck} (null).
 */
public record DeliveryAck(String stream, long highest) {
  public DeliveryAck {
    if (highest < 0) {
      throw new IllegalArgumentException("an ack is a number from 0: " + highest);
    }
  }
}
