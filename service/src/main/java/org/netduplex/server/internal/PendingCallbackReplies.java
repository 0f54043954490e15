package org.netduplex.server.internal;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.netduplex.core.Cancellable;
import org.netduplex.core.Scheduler;
import org.netduplex.core.internal.CallbackOperations;
import org.netduplex.server.CallbackTimeoutException;
import org.netduplex.server.SessionEndedException;

/**
 * The two-way callbacks waiting for their client's answer, keyed by the request's MessageID (a
 * NetDuplex extension, docs/protocol.md section 13). Each ends exactly once: answered, timed out,
 * or failed with its session. An answer naming no waiting request is late: dropped and counted.
 */
public final class PendingCallbackReplies {
  private static final Logger LOG = Logger.getLogger(PendingCallbackReplies.class.getName());

  /** One waiting request: whose it is, what it called, and the answer the caller waits for. */
  public static final class Pending {
    private final String messageId;
    private final RealDuplexSession session;
    private final CallbackOperations contract;
    private final CallbackOperations.Operation operation;
    private final CompletableFuture<Object> answer = new CompletableFuture<>();
    private volatile Cancellable timeout;

    private Pending(String messageId, RealDuplexSession session, CallbackOperations contract,
        CallbackOperations.Operation operation) {
      this.messageId = messageId;
      this.session = session;
      this.contract = contract;
      this.operation = operation;
    }

    public String messageId() {
      return messageId;
    }

    public RealDuplexSession session() {
      return session;
    }

    CallbackOperations contract() {
      return contract;
    }

    public CallbackOperations.Operation operation() {
      return operation;
    }

    CompletableFuture<Object> answer() {
      return answer;
    }

    private void cancelTimeout() {
      Cancellable t = timeout;
      if (t != null) {
        t.cancel();
      }
    }
  }

  private final ConcurrentHashMap<String, Pending> byId = new ConcurrentHashMap<>();
  private final LongAdder late = new LongAdder();
  private final Scheduler scheduler;
  private final Duration timeout;

  PendingCallbackReplies(Scheduler scheduler, Duration timeout) {
    this.scheduler = scheduler;
    this.timeout = timeout;
  }

  /** Registers a request of {@code operation} for {@code session} under a fresh {@code urn:uuid:} id. */
  Pending open(RealDuplexSession session, CallbackOperations contract, CallbackOperations.Operation operation) {
    Pending p = new Pending("urn:uuid:" + UUID.randomUUID(), session, contract, operation);
    byId.put(p.messageId, p);
    p.timeout = scheduler.schedule(() -> {
      if (byId.remove(p.messageId, p)) {
        LOG.fine(() -> "Callback " + operation.name() + " timed out for session " + LogIds.forLog(LOG, session.id()));
        p.answer.completeExceptionally(new CallbackTimeoutException(operation.name(), session, timeout));
      }
    }, timeout);
    return p;
  }

  /**
   * Sends a two-way call of {@code method} on {@code session} through {@code send} and returns the
   * answer to wait for; a request the queue refuses is forgotten and the refusal thrown.
   */
  CompletableFuture<Object> request(RealDuplexSession session, CallbackContract contract, Method method, Object[] args,
      Consumer<CallbackMessage> send) {
    Pending p = open(session, contract.operations(), contract.operation(method));
    try {
      send.accept(contract.encode(method, args, p.messageId));
    } catch (RuntimeException e) {
      discard(p);
      throw e;
    }
    return p.answer;
  }

  /** Forgets a request that was never sent (the queue refused it). */
  void discard(Pending p) {
    if (byId.remove(p.messageId, p)) {
      p.cancelTimeout();
    }
  }

  /** The request {@code relatesTo} names if it still waits, without taking it; null otherwise. */
  public Pending find(String relatesTo) {
    return relatesTo == null ? null : byId.get(relatesTo);
  }

  /** Completes {@code p} with {@code value}; false (and counted late) if it ended meanwhile. */
  public boolean complete(Pending p, Object value) {
    if (!take(p)) {
      return false;
    }
    p.answer.complete(value);
    return true;
  }

  /** Fails {@code p} with {@code error}, the client's answer; false (and counted late) if it ended meanwhile. */
  public boolean fail(Pending p, Throwable error) {
    if (!take(p)) {
      return false;
    }
    p.answer.completeExceptionally(error);
    return true;
  }

  private boolean take(Pending p) {
    if (!byId.remove(p.messageId, p)) {
      lateAnswer();
      return false;
    }
    p.cancelTimeout();
    return true;
  }

  /** An answer came for no waiting request: its call timed out, its session ended, or it never existed. */
  public void lateAnswer() {
    late.increment();
  }

  /** Fails every request of {@code session}, which ended, at once. */
  void failAll(RealDuplexSession session) {
    for (Pending p : byId.values()) {
      if (p.session == session && byId.remove(p.messageId, p)) {
        p.cancelTimeout();
        p.answer.completeExceptionally(new SessionEndedException(session));
      }
    }
  }

  long lateAnswers() {
    return late.sum();
  }

  int waiting() {
    return byId.size();
  }
}
