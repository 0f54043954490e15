package org.netduplex.client.internal;

import org.netduplex.core.internal.DeliveryHeaders;

/**
 * The client half of acknowledged delivery (docs/protocol.md section 15, rule 10): the stream and
 * highest number handed on, which decide whether a numbered message is new, and which the next
 * poll acknowledges. The server resends whatever is unacknowledged first and in order, so "above
 * the highest" is enough for no loss, no duplicate and order kept.
 */
public final class DeliveryTracker {
  private String stream;
  private long highest;
  private long duplicates;

  /**
   * Whether message {@code number} of {@code stream} is to be handed on: a new stream (the server
   * made a new mailbox) or a number above the highest. A repeat is dropped and counted.
   */
  public synchronized boolean accept(String messageStream, long number) {
    if (!messageStream.equals(stream)) {
      stream = messageStream;
      highest = number;
      return true;
    }
    if (number <= highest) {
      duplicates++;
      return false;
    }
    highest = number;
    return true;
  }

  /** The {@code nda:Ack} the next poll carries; the first one names no stream and 0. */
  public synchronized String ackHeader() {
    return DeliveryHeaders.ack(stream, highest);
  }

  /** Messages dropped as already seen. */
  public synchronized long duplicatesDropped() {
    return duplicates;
  }
}
