package org.netduplex.server.internal;

/** How a poll is answered: with a message, empty (poll timeout or replaced), or with a session fault. */
public sealed interface PollOutcome {
  /** Answer with this message. */
  record Deliver(QueuedMessage message) implements PollOutcome {}

  /** Answer {@code 200} with an empty body. */
  record Empty() implements PollOutcome {}

  /** Answer with a fault: every session behind the polled address has ended. */
  record Ended() implements PollOutcome {}

  PollOutcome EMPTY = new Empty();
  PollOutcome ENDED = new Ended();
}
