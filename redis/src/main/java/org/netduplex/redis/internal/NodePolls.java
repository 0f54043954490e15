package org.netduplex.redis.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import org.netduplex.server.SessionEndReason;
import org.netduplex.server.internal.ParkedPoll;
import org.netduplex.server.internal.PollOutcome;
import org.netduplex.server.internal.QueuedMessage;
import org.netduplex.server.internal.StoreContext;

/**
 * The polls parked on this node, by poll token, and the four ways one leaves: a wake-up hint (then
 * a take, acting only while Redis still names the token), a {@code replaced} or {@code ended}
 * hint, its timeout (which takes first: hints are at-most-once), or this node stopping. Each poll
 * is counted parked once and unparked once, and {@link ParkedPoll#complete} decides the winner; a
 * message taken for a poll that something else answered first goes back to the head of its queue.
 * Work from hints and replies runs on the executor, never on Lettuce's threads.
 */
final class NodePolls {
  private static final Logger LOG = Logger.getLogger(NodePolls.class.getName());

  /** What the store does with a message a poll took: make it (remembering its token), or put it back. */
  interface Messages {
    QueuedMessage taken(RedisFunctions.Taken taken, String address, String token);

    void requeue(QueuedMessage m);
  }

  /** A poll parked on this node, with its address. */
  record Parked(ParkedPoll poll, String address) {}

  private final Map<String, Parked> parked = new ConcurrentHashMap<>();
  private final RedisFunctions functions;
  private final StoreContext context;
  private final Executor executor;
  private final StoreCalls calls;
  private final Duration lease;
  private final LongSupplier nowMillis;
  private final Messages messages;

  NodePolls(RedisFunctions functions, StoreContext context, Executor executor, StoreCalls calls, Duration lease,
      LongSupplier nowMillis, Messages messages) {
    this.functions = functions;
    this.context = context;
    this.executor = executor;
    this.calls = calls;
    this.lease = lease;
    this.nowMillis = nowMillis;
    this.messages = messages;
  }

  /** Registers (and counts) a poll before its Function call: a wake-up may arrive before the reply. */
  void register(String token, ParkedPoll poll, String address) {
    parked.put(token, new Parked(poll, address));
    context.pollParked();
  }

  /** Takes a poll out of the map; null if something else did. Uncounts it once. */
  Parked unpark(String token) {
    Parked p = parked.remove(token);
    if (p != null) {
      context.pollUnparked();
    }
    return p;
  }

  /** The tokens of every poll parked here now. */
  List<String> tokens() {
    return new ArrayList<>(parked.keySet());
  }

  int size() {
    return parked.size();
  }

  /** A hint from another node's Function ({@code wake|replaced|ended <token> <address> [reason]}), on the executor. */
  void hint(String text) {
    String[] parts = text.split(" ", 4);
    if (parts.length < 3) {
      return;
    }
    switch (parts[0]) {
      case "wake" -> take(parts[1], parts[2]);
      case "replaced" -> {
        Parked p = unpark(parts[1]);
        if (p != null) {
          context.answerEmpty(p.poll());
        }
      }
      case "ended" -> {
        Parked p = unpark(parts[1]);
        if (p != null) {
          boolean quiet = parts.length > 3 && parts[3].equals(SessionEndReason.CLOSED_BY_CLIENT.name());
          p.poll().complete(quiet ? PollOutcome.EMPTY : PollOutcome.ENDED);
        }
      }
      default -> LOG.fine(() -> "Unknown hint on the node channel: " + text);
    }
  }

  /** Something waits for a parked poll of this node: take it, if Redis still names the poll. */
  void take(String token, String address) {
    if (!parked.containsKey(token)) {
      return;
    }
    functions.take(nowMillis.getAsLong(), address, token, lease.toMillis()).whenCompleteAsync((r, error) -> {
      if (error != null) {
        calls.backgroundFailed("a woken poll's take", error); // its timeout takes again
      } else if (r.status() == RedisFunctions.TakeStatus.MESSAGE) {
        deliver(token, address, r.taken());
      }
    }, executor);
  }

  /** The parked poll's timeout: take what a lost hint left behind, else answer empty. */
  void expire(String token) {
    Parked p = parked.get(token);
    if (p == null) {
      return;
    }
    functions.expire(nowMillis.getAsLong(), p.address(), token, lease.toMillis()).whenCompleteAsync((r, error) -> {
      if (error == null && r.status() == RedisFunctions.TakeStatus.MESSAGE) {
        deliver(token, p.address(), r.taken());
        return;
      }
      if (error != null) {
        calls.backgroundFailed("a poll's timeout", error);
      }
      Parked mine = unpark(token);
      if (mine != null) {
        context.answerEmpty(mine.poll());
      }
    }, executor);
  }

  /** Completes the parked poll with what it took; if something else answered it first, the message goes back. */
  private void deliver(String token, String address, RedisFunctions.Taken t) {
    QueuedMessage m = messages.taken(t, address, token);
    Parked p = unpark(token);
    if (p == null || !p.poll().complete(new PollOutcome.Deliver(m))) {
      messages.requeue(m);
    }
  }

  /** After a (re)subscription: hints sent while unsubscribed are lost, so every parked poll takes once. */
  void retakeAll() {
    for (Map.Entry<String, Parked> e : parked.entrySet()) {
      take(e.getKey(), e.getValue().address());
    }
  }
}
