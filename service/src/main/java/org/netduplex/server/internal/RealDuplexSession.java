package org.netduplex.server.internal;

import java.time.Duration;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.internal.Soap11Envelopes;
import org.netduplex.core.internal.Soap12Envelopes;
import org.netduplex.server.DuplexSession;
import org.netduplex.server.SessionEndReason;

/** The engine's session: identity, activity clock and its place in a mailbox. */
public final class RealDuplexSession implements DuplexSession {
  /** Envelope heads fixed for this session (a one-way callback's, SOAP 1.1), made when first used. */
  private static final int HEAD_FORMS = 2;

  private final DuplexHeader header;
  private final EncodedForms heads = new EncodedForms(HEAD_FORMS);
  /** Bytes of a SOAP 1.1 / SOAP 1.2 envelope of this session around the body (SOAP 1.2: action aside). */
  private final int soap11Overhead;
  private final int soap12Overhead;
  private final DuplexEngine engine;
  private final SessionStore store;
  /** Its mailbox in the in-memory store; null in a shared store, which keeps the state elsewhere. */
  final Mailbox mailbox;
  private volatile boolean open = true;
  /** The client sent netdx:CloseSession: no more calls or callbacks, the queue drains, then it ends. */
  private volatile boolean closedByClient;
  private volatile long lastActivityNanos;
  private final long openedNanos;
  /** Messages of this session in its mailbox; guarded by the mailbox's lock. */
  int queued;
  /** Messages of this session handed to polls and not yet acked (acking address only); guarded by the mailbox's lock. */
  int inFlight;

  /** A session of the in-memory store, in {@code mailbox}. */
  RealDuplexSession(DuplexHeader header, Mailbox mailbox, LocalSessionStore store, long nowNanos) {
    this(header, mailbox, store.engine(), store, nowNanos);
  }

  /** A handle for a session of a shared store ({@link StoreContext#newSession}). */
  RealDuplexSession(DuplexHeader header, DuplexEngine engine, SessionStore store, long nowNanos) {
    this(header, null, engine, store, nowNanos);
  }

  private RealDuplexSession(DuplexHeader header, Mailbox mailbox, DuplexEngine engine, SessionStore store,
      long nowNanos) {
    this.header = header;
    this.soap11Overhead = Soap11Envelopes.envelopeOverhead(Soap11Envelopes.duplexHeaderBlock(header));
    this.soap12Overhead = Soap12Envelopes.envelopeOverhead(header);
    this.mailbox = mailbox;
    this.engine = engine;
    this.store = store;
    this.openedNanos = nowNanos;
    this.lastActivityNanos = nowNanos;
  }

  @Override
  public String id() {
    return header.sessionId();
  }

  @Override
  public String address() {
    return header.address();
  }

  /** The engine this session belongs to. */
  DuplexEngine engine() {
    return engine;
  }

  public DuplexHeader header() {
    return header;
  }

  /**
   * The envelope heads every one-way callback to this session starts with, per wire form (the SOAP
   * 1.1 header block of capture D, in text and in msbin1): made on the first answer that needs one.
   */
  public EncodedForms heads() {
    return heads;
  }

  /** Bytes an envelope of this session adds around a body, the action aside (SOAP 1.1 has none). */
  int envelopeOverhead(boolean soap12) {
    return soap12 ? soap12Overhead : soap11Overhead;
  }

  @Override
  public boolean isOpen() {
    return open && !closedByClient;
  }

  /** True once the session ended (as opposed to half-closed by its client). */
  public boolean ended() {
    return !open;
  }

  public boolean closedByClient() {
    return closedByClient;
  }

  /** Marks the session half-closed by its client (in-memory store: under the mailbox's lock). */
  public void markClosedByClient() {
    closedByClient = true;
  }

  @Override
  public int queuedMessages() {
    return store.queued(this);
  }

  @Override
  public Duration age() {
    return Duration.ofNanos(Math.max(0, engine.nanoTime() - openedNanos));
  }

  @Override
  public Duration idleTime() {
    return Duration.ofNanos(Math.max(0, engine.nanoTime() - lastActivityNanos));
  }

  @Override
  public boolean pollParked() {
    return store.pollParked(this);
  }

  @Override
  public <T> T callback(Class<T> callbackContract) {
    return engine.callbackProxy(this, callbackContract);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T, R> java.util.concurrent.CompletionStage<R> callbackAsync(Class<T> callbackContract,
      org.netduplex.server.TwoWayCall<T, R> call) {
    T proxy = callback(callbackContract);
    // The caller's stages must not run on the timer or on the request thread of the answer; only the
    // whenCompleteAsync family hands failures to the pool too (thenApplyAsync fails in place).
    java.util.concurrent.CompletableFuture<R> stage = new java.util.concurrent.CompletableFuture<>();
    CallbackInvocationHandler.capturing(() -> call.call(proxy)).whenCompleteAsync((value, error) -> {
      if (error != null) {
        stage.completeExceptionally(error);
      } else {
        stage.complete((R) value);
      }
    });
    return stage;
  }

  /** Queues {@code message} without throwing; false if the queue is full or the session ended. */
  public boolean offer(CallbackMessage message) {
    return engine.offer(this, message);
  }

  @Override
  public void close() {
    engine.endSession(this, SessionEndReason.CLOSED_BY_SERVICE);
  }

  public long openedNanos() {
    return openedNanos;
  }

  public long lastActivityNanos() {
    return lastActivityNanos;
  }

  /** Records activity at {@code nowNanos}; a shared store also records it there. */
  public void touch(long nowNanos) {
    lastActivityNanos = nowNanos;
  }

  /** Marks the session ended; true only for the first caller. */
  public synchronized boolean markEnded() {
    if (!open) {
      return false;
    }
    open = false;
    return true;
  }

  @Override
  public String toString() {
    return "DuplexSession{" + header.sessionId() + (open ? (closedByClient ? ", closing" : "") : ", ended") + "}";
  }
}
