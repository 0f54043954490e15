package org.netduplex.client.internal;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.netduplex.client.ClientState;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.client.DuplexFaultException;
import org.netduplex.core.Cancellable;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.DuplexMode;
import org.netduplex.core.Scheduler;
import org.netduplex.core.internal.DeliveryHeaders;
import org.netduplex.core.internal.MessageBatch;

/**
 * The receiving half of a client: one {@code MakeConnection} poll in flight at a time, sent with
 * {@link HttpClient#sendAsync} so a waiting poll holds no thread. An answer is read on an I/O
 * thread and its callback handed to the client's serial callback executor; then the next poll goes
 * out at once. Network errors and 5xx are retried with backoff until the inactivity timeout; a fault
 * saying the session is gone faults the client.
 */
public final class PollLoop {
  private static final Logger LOG = Logger.getLogger(PollLoop.class.getName());

  private final URI endpoint;
  private final DuplexClientConfig config;
  private final HttpClient http;
  private final Executor io;
  private final Scheduler scheduler;
  private final Lifecycle lifecycle;
  private final PollAnswerReader reader;
  private final Executor callbacks;
  private final Object implementation;
  private final CallbackReplier replier;
  private final ReplyCorrelator replies;
  private final Backoff backoff;
  private final Backoff rejectBackoff;
  private final RecentMessageIds recentIds = new RecentMessageIds(256);
  private final WireMessages.Outgoing pollMessage;
  private final WireMessages wire;
  private final String address;
  /** Null when acks are off: polls are then WCF's, byte for byte. */
  private final DeliveryTracker delivery;
  private final AtomicBoolean started = new AtomicBoolean();
  /** MULTIPLE_MESSAGES_PER_POLL: polls ask for a batch, streamed (docs/protocol.md section 19). */
  private final boolean batches;
  private volatile long lastContactNanos;
  private CompletableFuture<HttpResponse<byte[]>> inFlight; // guarded by this
  private Cancellable retry; // guarded by this
  /** A poll with the reconnect timeout timed out, and nothing answered since. */
  private volatile boolean reconnectTimedOut;

  public PollLoop(URI endpoint, DuplexHeader identity, DuplexClientConfig config, WireMessages wire, HttpClient http,
      Executor io, Scheduler scheduler, Lifecycle lifecycle, CallbackDispatcher dispatcher, Executor callbacks,
      Object implementation, CallbackReplier replier, ReplyCorrelator replies) {
    this.endpoint = endpoint;
    this.config = config;
    this.http = http;
    this.io = io;
    this.scheduler = scheduler;
    this.lifecycle = lifecycle;
    this.reader = new PollAnswerReader(identity, dispatcher, wire);
    this.callbacks = callbacks;
    this.implementation = implementation;
    this.replier = replier;
    this.replies = replies;
    this.backoff = new Backoff(config.initialBackoff(), config.maxBackoff(),
        bound -> ThreadLocalRandom.current().nextLong(bound));
    this.rejectBackoff = new Backoff(config.initialBackoff(), config.maxBackoff(),
        bound -> ThreadLocalRandom.current().nextLong(bound));
    this.pollMessage = wire.poll(identity.address());
    this.wire = wire;
    this.address = identity.address();
    this.delivery = config.acknowledgeDelivery() ? new DeliveryTracker() : null;
    this.batches = config.duplexMode() == DuplexMode.MULTIPLE_MESSAGES_PER_POLL;
    this.lastContactNanos = scheduler.nanoTime();
  }

  /** A service call went through: the server knows the session. The first one starts polling. */
  public void callSucceeded() {
    lastContactNanos = scheduler.nanoTime();
    if (started.compareAndSet(false, true) && lifecycle.moveIf(ClientState.CREATED, ClientState.CONNECTING, null)) {
      poll();
    }
  }

  /** Whether a service call went through, so the server knows the session. */
  public boolean started() {
    return started.get();
  }

  /** The {@code nda:Ack} of what was received so far, or null when acks are off. */
  public String ackHeader() {
    return delivery == null ? null : delivery.ackHeader();
  }

  /** The session is gone: no more polls. */
  public void fault(Throwable cause) {
    if (lifecycle.moveTo(ClientState.FAULTED, cause)) {
      LOG.warning(() -> "Polling duplex client of " + endpoint + " faulted: " + cause.getMessage());
      stop();
    }
  }

  /** Ends the poll in flight and any pending retry; the lifecycle is already final. */
  public synchronized void stop() {
    if (inFlight != null) {
      inFlight.cancel(true); // aborts the HTTP exchange (JDK 16+)
      inFlight = null;
    }
    if (retry != null) {
      retry.cancel();
      retry = null;
    }
  }

  private void poll() {
    CompletableFuture<HttpResponse<byte[]>> sent;
    synchronized (this) {
      retry = null;
      if (lifecycle.state().isFinal()) {
        return;
      }
      String headers = (delivery == null ? "" : delivery.ackHeader()) + (batches ? DeliveryHeaders.STREAMED_ANSWER_HEADER : "");
      WireMessages.Outgoing message = headers.isEmpty() ? pollMessage : wire.poll(address, headers);
      // A retry goes into a path that just failed: it may swallow the poll, so it waits no longer than
      // the server would hold it (a stall of 5 minutes otherwise, issue 12). If that timed out, the
      // server may just hold polls longer than the client was told: the next one waits the full time.
      Duration timeout = lifecycle.state() == ClientState.CONNECTING && !reconnectTimedOut
          ? config.reconnectPollHttpTimeout() : config.pollHttpTimeout();
      HttpRequest.Builder request = message.requestBuilder(endpoint, timeout);
      if (batches) {
        request.header("Accept", MessageBatch.MEDIA_TYPE + ", " + pollMessage.contentType()); // NetDuplex's batch, opt-in
      }
      // A batch's parts are handled as they arrive (a streamed answer is still open meanwhile).
      sent = http.sendAsync(request.build(),
          BatchPartSubscriber.handler(config.maxResponseBytes(), this::onPart, this::succeeded));
      inFlight = sent;
    }
    // Async on our I/O pool: never re-enter poll() on the stack of an already-completed future.
    sent.whenCompleteAsync(this::onAnswerGuarded, io);
  }

  /**
   * The future's own exception handling would swallow anything {@link #onAnswer} throws (a listener,
   * a refusing executor, a bug) and polling would stop without a word: log it and retry instead.
   */
  private void onAnswerGuarded(HttpResponse<byte[]> response, Throwable error) {
    try {
      onAnswer(response, error);
    } catch (RuntimeException | Error e) {
      LOG.log(Level.SEVERE, "Unexpected failure handling a poll answer from " + endpoint + "; retrying", e);
      failed(e);
    }
  }

  private void onAnswer(HttpResponse<byte[]> response, Throwable error) {
    if (lifecycle.state().isFinal()) {
      return;
    }
    if (error != null) {
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      if (cause instanceof RejectedMessageException malformed) { // a batch that is not one: what came of it was handled
        reject(malformed);
        poll();
        return;
      }
      if (cause instanceof PartFault f) {
        if (f.sessionIsGone) {
          fault(f.fault);
        } else {
          failed(f.fault);
        }
        return;
      }
      if (cause instanceof BoundedBodySubscriber.TooLargeException tooLarge) {
        // The server sent it and counts it delivered: retrying cannot bring it back. Say so.
        succeeded();
        reject(new RejectedMessageException(tooLarge.getMessage() + "; dropped (raise maxResponseBytes)", tooLarge));
        poll();
        return;
      }
      failed(cause);
      return;
    }
    int status = response.statusCode();
    byte[] body = response.body();
    String contentType = response.headers().firstValue("Content-Type").orElse(null);
    if (status == 200 && MessageBatch.isBatch(contentType)) {
      rejectBackoff.reset();
      poll(); // every part was handled as it came (onPart)
      return;
    }
    if (body.length == 0 && (status == 200 || status == 202)) {
      succeeded(); // the poll timed out on the server with nothing to send (WS-MC says 202, WCF 200)
      poll();
      return;
    }
    if (body.length == 0 || (status != 200 && status < 400)) {
      failed(new IOException("HTTP " + status + " with " + body.length + " bytes from " + endpoint));
      return;
    }
    PollAnswer answer;
    try {
      answer = reader.read(body, contentType);
    } catch (RejectedMessageException e) {
      if (status != 200) {
        failed(new IOException("HTTP " + status + " from " + endpoint + ": " + e.getMessage()));
        return;
      }
      succeeded(); // the server answered; the answer was unusable, not the connection
      if (firstTime(e.sequence())) { // a numbered one is received all the same, so the next poll acks it
        reject(e);
      }
      retryAfter(rejectBackoff.next()); // a server answering garbage at once must not get a hot loop
      return;
    }
    if (answer.reply() != null) {
      succeeded();
      rejectBackoff.reset();
      if (firstTime(answer.sequence())) {
        replies.deliver(answer.reply());
      }
      poll();
      return;
    }
    if (answer.fault() != null) {
      DuplexFaultException fault = new DuplexFaultException(answer.fault().code(), answer.fault().reason(), status);
      if (answer.fault().sessionIsGone()) {
        fault(fault);
      } else {
        failed(fault);
      }
      return;
    }
    succeeded();
    rejectBackoff.reset();
    deliver(answer);
    poll();
  }

  /** A poll answer's part was a fault: it ends the answer, and the loop acts on it. */
  private static final class PartFault extends RuntimeException {
    final DuplexFaultException fault;
    final boolean sessionIsGone;

    PartFault(DuplexFaultException fault, boolean sessionIsGone) {
      super(fault.getMessage(), fault, false, false);
      this.fault = fault;
      this.sessionIsGone = sessionIsGone;
    }
  }

  /**
   * One part of a batch answer (MULTIPLE_MESSAGES_PER_POLL), buffered or streamed, read and
   * dispatched in order as it arrives, on the answer's I/O thread; returns a fault that ends the answer, or null.
   */
  private RuntimeException onPart(byte[] part) {
    PollAnswer answer;
    try {
      answer = reader.read(part, pollMessage.contentType()); // parts come in the encoding of the poll
    } catch (RejectedMessageException e) {
      if (firstTime(e.sequence())) {
        reject(e); // one bad envelope costs that message only
      }
      return null;
    }
    if (answer.reply() != null) {
      if (firstTime(answer.sequence())) {
        replies.deliver(answer.reply());
      }
      return null;
    }
    if (answer.fault() != null) {
      return new PartFault(new DuplexFaultException(answer.fault().code(), answer.fault().reason(), 200),
          answer.fault().sessionIsGone());
    }
    deliver(answer);
    return null;
  }

  private void succeeded() {
    lastContactNanos = scheduler.nanoTime();
    reconnectTimedOut = false;
    backoff.reset();
    lifecycle.moveIf(ClientState.CONNECTING, ClientState.OPEN, null);
  }

  private void failed(Throwable cause) {
    if (cause instanceof java.net.http.HttpTimeoutException) {
      reconnectTimedOut = true;
    }
    Duration silent = Duration.ofNanos(scheduler.nanoTime() - lastContactNanos);
    if (silent.compareTo(config.inactivityTimeout()) >= 0) {
      fault(new IOException("no answer from " + endpoint + " for " + silent.toSeconds()
          + " s (inactivity timeout " + config.inactivityTimeout() + "); last error: " + cause.getMessage(), cause));
      return;
    }
    if (lifecycle.moveIf(ClientState.OPEN, ClientState.CONNECTING, cause)) {
      LOG.warning(() -> "Lost contact with " + endpoint + ", retrying: " + cause);
    } else {
      LOG.fine(() -> "Poll failed again, retrying: " + cause);
    }
    retryAfter(backoff.next());
  }

  private void retryAfter(Duration delay) {
    synchronized (this) {
      if (!lifecycle.state().isFinal()) {
        retry = scheduler.schedule(this::poll, delay);
      }
    }
  }

  private void reject(RejectedMessageException e) {
    LOG.warning(() -> "Dropped a poll answer from " + endpoint + ": " + e.getMessage());
    try {
      lifecycle.listener().messageRejected(e.getMessage(), e.getCause());
    } catch (RuntimeException listenerError) {
      LOG.log(Level.WARNING, "ClientListener.messageRejected threw; ignored", listenerError);
    }
  }

  /**
   * Whether a message numbered {@code sequence} is new (docs/protocol.md section 15, rule 10); one the
   * server sent again because its ack was lost is dropped. An unnumbered message always is new.
   */
  private boolean firstTime(DeliverySequence sequence) {
    if (sequence == null || delivery == null || delivery.accept(sequence.stream(), sequence.number())) {
      return true;
    }
    LOG.fine(() -> "Dropped message " + sequence.number() + ", already received");
    return false;
  }

  private void deliver(PollAnswer answer) {
    if (!firstTime(answer.sequence())) {
      return;
    }
    if (!recentIds.firstTime(answer.messageId())) {
      LOG.fine(() -> "Dropped a repeated message " + answer.messageId());
      return;
    }
    CallbackDispatcher.Invocation invocation = answer.invocation();
    // A two-way callback request (it carries a MessageID) is answered to the server once it ran.
    String replyTo = invocation.operation().twoWay() ? answer.messageId() : null;
    callbacks.execute(() -> invoke(invocation, replyTo));
  }

  private void invoke(CallbackDispatcher.Invocation invocation, String replyTo) {
    Object value;
    try {
      value = invocation.operation().method().invoke(implementation, invocation.arguments());
    } catch (InvocationTargetException e) {
      callbackThrew(invocation, replyTo, e.getCause());
      return;
    } catch (IllegalAccessException | RuntimeException e) {
      callbackThrew(invocation, replyTo, e);
      return;
    }
    if (replyTo != null) {
      replier.answer(invocation.operation(), replyTo, value);
    }
  }

  /** A callback threw: a two-way request is answered with the fault; a declared one is no failure. */
  private void callbackThrew(CallbackDispatcher.Invocation invocation, String replyTo, Throwable error) {
    if (replyTo != null) {
      replier.fail(invocation.operation(), replyTo, error);
    }
    if (replyTo == null || invocation.operation().reply().fault(error) == null) {
      callbackFailed(invocation, error);
    }
  }

  private void callbackFailed(CallbackDispatcher.Invocation invocation, Throwable error) {
    String name = invocation.operation().name();
    LOG.log(Level.WARNING, "Callback " + name + " threw; going on with the next message", error);
    try {
      lifecycle.listener().callbackFailed(name, error);
    } catch (RuntimeException listenerError) {
      LOG.log(Level.WARNING, "ClientListener.callbackFailed threw; ignored", listenerError);
    }
  }
}
