package org.netduplex.client.internal;

/**
 * A poll answer that is not a callback for this session; the client drops it and polls on. If it
 * was numbered ({@code nda:Sequence}), {@link #sequence()} says so: it is acknowledged all the same,
 * or the server would send it again forever.
 */
public final class RejectedMessageException extends RuntimeException {
  private final DeliverySequence sequence;

  public RejectedMessageException(String reason, Throwable cause) {
    this(reason, cause, null);
  }

  private RejectedMessageException(String reason, Throwable cause, DeliverySequence sequence) {
    super(reason, cause, false, false);
    this.sequence = sequence;
  }

  /** The same rejection of a message that carried {@code sequence}. */
  RejectedMessageException numbered(DeliverySequence sequence) {
    return sequence == null ? this : new RejectedMessageException(getMessage(), getCause(), sequence);
  }

  /** The rejected message's number, or null if it had none. */
  public DeliverySequence sequence() {
    return sequence;
  }
}
