package org.netduplex.benchmarks.server;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Credit flow control of the producer: a session may have at most D messages not yet delivered. Each
 * token in the queue is one message a session may be sent; the server gives a token back as each
 * message leaves for its client. D = 1 makes every server answer each poll with exactly one message
 * (CometD would otherwise batch whatever is queued); D = 20 is the batched measure.
 */
final class Credits<S> {
  private final LinkedBlockingQueue<S> tokens = new LinkedBlockingQueue<>();
  private volatile boolean enabled;

  void start(Iterable<S> sessions, int perSession) {
    tokens.clear();
    enabled = true;
    // A session's credits in a row: its first message wakes its parked poll, the rest queue behind it
    // for the next poll (a batch, where the client asks for one), as they do once credits come back.
    for (S s : sessions) {
      for (int i = 0; i < perSession; i++) {
        tokens.add(s);
      }
    }
  }

  void stop() {
    enabled = false;
    tokens.clear();
  }

  /** Called by the server for each message of {@code session} written to its client. */
  void delivered(S session) {
    if (enabled) {
      tokens.add(session);
    }
  }

  /** The next session that may be sent a message, or null after {@code timeoutMillis}. */
  S take(long timeoutMillis) throws InterruptedException {
    return tokens.poll(timeoutMillis, TimeUnit.MILLISECONDS);
  }
}
