package org.netduplex.redis.cluster;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.netduplex.server.CallbackQueueFullException;
import org.netduplex.server.DuplexSession;
import org.netduplex.server.PollingDuplexFeature;
import org.netduplex.server.SessionEndedException;

/**
 * What a test asks a {@link ClusterNode} on its stdin, one line a command, {@code <id> <verb> args}; each
 * is answered {@code reply <id> ok <result>} or {@code reply <id> err <why>}, on stdout:
 * <ul>
 *   <li>{@code send <sessionId> <clientId> <fromSeq> <count> <gapMillis>}: sends callbacks
 *       {@code fromSeq .. fromSeq+count-1} of that client to the session, from this node, {@code gapMillis}
 *       apart; a full queue is waited out, a store failure retried (each counted: an offer that failed
 *       after Redis applied it is sent twice, so the test allows one duplicate for each). Answers
 *       {@code sent=<n> full=<waits> failed=<retries>} when the last is queued. Runs beside other commands.
 *   <li>{@code open}: the node's open-session count ({@code feature.metrics()}).
 *   <li>{@code metrics}: the node's {@code DuplexMetrics}.
 *   <li>{@code hold <millis>}: from now on each poll answer's write is reported complete that much
 *       later ({@link HeldAnswers}); 0 ends it.
 * </ul>
 */
final class NodeCommands {
  private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final PollingDuplexFeature feature;
  private final HeldAnswers held;
  private final NodeOutput out;
  private final ExecutorService senders = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "node-send");
    t.setDaemon(true);
    return t;
  });

  NodeCommands(PollingDuplexFeature feature, HeldAnswers held, NodeOutput out) {
    this.feature = feature;
    this.held = held;
    this.out = out;
  }

  void accept(String line) {
    String[] w = line.trim().split(" ");
    if (w.length < 2) {
      out.line("reply ? err not '<id> <verb> args': " + line);
      return;
    }
    String id = w[0];
    try {
      switch (w[1]) {
        case "send" -> senders.execute(() -> reply(id, () -> send(w[2], Integer.parseInt(w[3]), Long.parseLong(w[4]),
            Integer.parseInt(w[5]), Long.parseLong(w[6]))));
        case "open" -> reply(id, () -> String.valueOf(feature.metrics().openSessions()));
        case "metrics" -> reply(id, () -> feature.metrics().toString());
        case "hold" -> reply(id, () -> {
          held.hold(Long.parseLong(w[2]));
          return "holding " + w[2] + " ms";
        });
        default -> out.line("reply " + id + " err unknown verb " + w[1]);
      }
    } catch (RuntimeException e) {
      out.line("reply " + id + " err " + e);
    }
  }

  void shutdown() {
    senders.shutdownNow();
  }

  private void reply(String id, java.util.function.Supplier<String> work) {
    try {
      out.line("reply " + id + " ok " + work.get());
    } catch (RuntimeException e) {
      out.line("reply " + id + " err " + e.toString().replace('\n', ' '));
    }
  }

  private String send(String sessionId, int clientId, long from, int count, long gapMillis) {
    int full = 0;
    int failed = 0;
    for (long seq = from; seq < from + count; seq++) {
      long deadline = System.nanoTime() + GIVE_UP_NANOS;
      while (true) {
        try {
          SequenceService.send(session(sessionId), clientId, seq);
          break;
        } catch (CallbackQueueFullException e) {
          full++;
          pause(5, deadline, seq);
        } catch (SessionEndedException e) {
          throw new IllegalStateException("session " + sessionId + " ended at seq " + seq, e);
        } catch (SessionLookupException e) {
          pause(20, deadline, seq); // not offered: nothing to count
        } catch (RuntimeException e) {
          failed++; // the store failed (Redis away, failing over): the offer may or may not have happened
          pause(50, deadline, seq);
        }
      }
      if (gapMillis > 0) {
        pause(gapMillis, Long.MAX_VALUE, seq);
      }
    }
    return "sent=" + count + " full=" + full + " failed=" + failed;
  }

  /** The session by id, wherever it was opened ({@code feature.session(id)}: with a shared store, any node's). */
  private DuplexSession session(String sessionId) {
    return feature.session(sessionId)
        .orElseThrow(() -> new SessionLookupException("no open session " + sessionId + " seen from this node"));
  }

  private static void pause(long millis, long deadline, long seq) {
    if (System.nanoTime() > deadline) {
      throw new IllegalStateException("seq " + seq + " not queued within 30 s");
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted at seq " + seq, e);
    }
  }

  /** A session this node cannot see (yet): retried like a store failure. */
  private static final class SessionLookupException extends RuntimeException {
    SessionLookupException(String message) {
      super(message);
    }
  }
}
