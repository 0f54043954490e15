package org.netduplex.server.internal;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.Scheduler;
import org.netduplex.core.SystemScheduler;
import org.netduplex.server.CallbackQueueFullException;
import org.netduplex.server.DuplexMetrics;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.DuplexSessionListener;
import org.netduplex.server.SessionEndReason;
import org.netduplex.server.SessionEndedException;

/**
 * The polling duplex engine, free of CXF: sessions, mailboxes, parked polls and timeouts. The CXF
 * interceptors translate HTTP requests into the calls below. See CONCURRENCY.md for the rules.
 */
public final class DuplexEngine implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(DuplexEngine.class.getName());

  private final DuplexServerConfig config;
  private final Scheduler scheduler;
  private final SystemScheduler ownedScheduler;
  private final DuplexSessionListener listener;
  private final SessionRegistry registry;
  private final EngineMetrics metrics = new EngineMetrics();
  private final InactivitySweeper sweeper;
  private final PendingCallbackReplies callbackReplies;
  private final SessionIdCheck idCheck;
  private volatile boolean closed;

  public DuplexEngine(DuplexServerConfig config) {
    this.config = config;
    if (config.scheduler() != null) {
      this.scheduler = config.scheduler();
      this.ownedScheduler = null;
    } else {
      this.ownedScheduler = new SystemScheduler("netduplex-timer", 1);
      this.scheduler = ownedScheduler;
    }
    this.listener = config.listener();
    this.registry = new SessionRegistry(config.maxSessions());
    this.idCheck = new SessionIdCheck(config.sessionIdPolicy());
    this.sweeper = new InactivitySweeper(this, scheduler, config.inactivityTimeout(), config.closeDrainTimeout());
    this.callbackReplies = new PendingCallbackReplies(scheduler, config.callbackReplyTimeout());
    sweeper.start();
  }

  /** The engine's clock: its scheduler's. */
  public long nanoTime() {
    return scheduler.nanoTime();
  }

  public DuplexServerConfig config() {
    return config;
  }

  /**
   * The session a service call names: an unknown pair opens one, a known one counts as activity.
   *
   * @throws DuplexFault if the session ended, the address does not match, or the server is full
   */
  public RealDuplexSession sessionForCall(DuplexHeader header) {
    long now = scheduler.nanoTime();
    RealDuplexSession session = registry.get(header.sessionId());
    if (session == null) {
      if (registry.hasEnded(header.sessionId())) {
        throw sessionEnded(header);
      }
      checkOpen();
      idCheck.check(header);
      RealDuplexSession opened = registry.open(header,
          mailbox -> new RealDuplexSession(header, mailbox, this, now),
          address -> new Mailbox(address, metrics));
      if (opened.header() == header) { // we made it, not a concurrent first call
        metrics.sessionOpened();
        LOG.fine(() -> "Session opened: " + header.sessionId());
        listener.sessionOpened(opened);
      }
      session = opened;
    }
    if (!session.address().equals(header.address())) {
      throw addressMismatch(header);
    }
    if (!session.isOpen()) {
      throw sessionEnded(header);
    }
    session.touch(now);
    return session;
  }

  /**
   * The session a bare {@code netdx:CloseSession} names, never opening one: null if it is unknown or
   * has ended (nothing to close; the close is answered as done). A known one counts as activity.
   *
   * @throws DuplexFault if the session belongs to another address
   */
  public RealDuplexSession sessionForClose(DuplexHeader header) {
    RealDuplexSession session = registry.get(header.sessionId());
    if (session == null || session.ended()) {
      return null;
    }
    if (!session.address().equals(header.address())) {
      throw addressMismatch(header);
    }
    session.touch(scheduler.nanoTime());
    return session;
  }

  /** As {@link #poll(String, DeliveryAck, PollWaiter)} for a poll without {@code nda:Ack}. */
  public PollOutcome poll(String address, PollWaiter waiter) {
    return poll(address, null, waiter);
  }

  /**
   * A {@code MakeConnection} for {@code address}, with what its {@code nda:Ack} said ({@code ack}, null
   * if it had none; docs/protocol.md section 15). Returns the outcome if the poll can be answered at
   * once; returns null if it was parked, in which case {@code waiter} is woken exactly once later.
   *
   * @throws DuplexFault if no open session uses the address
   */
  public PollOutcome poll(String address, DeliveryAck ack, PollWaiter waiter) {
    Mailbox mailbox = registry.mailbox(address);
    if (mailbox == null) {
      throw DuplexFault.naming(DuplexFault.Kind.UNKNOWN_ADDRESS, "No open duplex session uses the address " + address,
          "No open duplex session uses the address " + LogIds.briefAddress(address));
    }
    long arrived = scheduler.nanoTime();
    mailbox.touchSessions(arrived);
    ParkedPoll poll = new ParkedPoll(waiter);
    Mailbox.PollStart start = mailbox.poll(poll, ack);
    if (start.ackBeyondSent()) {
      LOG.fine(() -> "An nda:Ack of " + ack.highest() + " is beyond what was sent to " + LogIds.briefAddress(address)
          + "; everything in flight released");
    }
    for (QueuedMessage m : start.released()) {
      acknowledged(m);
    }
    if (start.ended()) {
      return PollOutcome.ENDED;
    }
    if (start.replaced() != null) {
      answerEmpty(start.replaced()); // a newer poll must not strand the older one
    }
    if (start.message() != null) {
      return new PollOutcome.Deliver(start.message());
    }
    // Counted from the poll's arrival: the clock may move while it parks (PollTimeoutWhileParkingTest).
    poll.armTimeout(scheduler, arrived + config.pollTimeout().toNanos(), () -> {
      if (mailbox.expire(poll)) {
        answerEmpty(poll);
      }
    });
    return null;
  }

  private void answerEmpty(ParkedPoll poll) {
    if (poll.complete(PollOutcome.EMPTY) && !poll.streamed()) {
      metrics.pollAnsweredEmpty();
    }
  }

  /**
   * The next message of a streamed batch answer (docs/protocol.md section 19) that has sent messages
   * of {@code sent}'s address and stays open until {@code deadlineNanos} (this engine's clock,
   * {@link #nanoTime}) with {@code maxBytes} of batch bytes left: a message queued now is returned at
   * once, numbered if the address acks; with none, {@code waiter} is woken exactly once later, with
   * the next message queued, or {@link PollOutcome#EMPTY} at the deadline or when a newer poll comes
   * for the address. {@link PollOutcome#EMPTY} now: the answer is full, or a newer poll waits.
   * {@link PollOutcome#ENDED}: every session of the address ended. Either of these closes the answer.
   */
  public PollOutcome pollMore(QueuedMessage sent, long deadlineNanos, long maxBytes, boolean soap12, PollWaiter waiter) {
    Mailbox mailbox = sent.session().mailbox;
    ParkedPoll poll = new ParkedPoll(waiter, true);
    Mailbox.More more = mailbox.pollMore(poll, maxBytes, soap12);
    if (more.ended()) {
      return PollOutcome.ENDED;
    }
    if (more.message() != null) {
      return new PollOutcome.Deliver(more.message());
    }
    if (!more.parked()) {
      return PollOutcome.EMPTY;
    }
    poll.armTimeout(scheduler, deadlineNanos, () -> {
      if (mailbox.expire(poll)) {
        poll.complete(PollOutcome.EMPTY);
      }
    });
    return null;
  }

  /**
   * The messages to send after {@code first} in one batch answer: those waiting for its address
   * now, in order, within {@code maxMessages} in all and {@code maxBytes} in all, {@code first}
   * included, each counted as {@link QueuedMessage#batchBytes} in the answer's SOAP version. If
   * {@code first} alone is over the budget it goes alone.
   */
  public java.util.List<QueuedMessage> takeMore(QueuedMessage first, int maxMessages, long maxBytes, boolean soap12) {
    return first.session().mailbox.drain(first, maxMessages - 1, maxBytes - first.batchBytes(soap12), soap12);
  }

  /** Whether more messages wait for the address of {@code m}'s session. */
  public boolean morePending(QueuedMessage m) {
    return m.session().mailbox.hasQueued();
  }

  /** Call once per poll answer that carried messages, after it was written. */
  public void answeredWithMessages() {
    metrics.pollAnsweredWithMessages();
  }

  /**
   * Call after a poll answered with the message was written: counts it delivered, touches the
   * session. A numbered message (acking address) is only written: it counts when its ack comes.
   */
  public void delivered(QueuedMessage m) {
    if (m.numbered()) {
      m.session().touch(scheduler.nanoTime());
      return;
    }
    acknowledged(m);
  }

  /** The message reached its client: counts it, tells the listener, completes a half-close it was the last of. */
  private void acknowledged(QueuedMessage m) {
    RealDuplexSession session = m.session();
    long now = scheduler.nanoTime();
    session.touch(now);
    metrics.messageDelivered(now - m.queuedNanos());
    listener.messageDelivered(session);
    if (session.mailbox.drained(session)) {
      endSession(session, SessionEndReason.CLOSED_BY_CLIENT); // the half-close is complete
    }
  }

  /**
   * Call for a taken message that cannot be written at all (its envelope does not encode in the
   * poll's form): counts it dropped and, if it was the last of a half-closed session, ends that.
   */
  public void undeliverable(QueuedMessage m) {
    RealDuplexSession session = m.session();
    if (m.numbered() && !session.mailbox.discard(m)) {
      return; // acked or dropped with its session meanwhile: counted there
    }
    metrics.messageDropped();
    if (session.mailbox.drained(session)) {
      endSession(session, SessionEndReason.CLOSED_BY_CLIENT);
    }
  }

  /**
   * The client sent {@code netdx:CloseSession} (docs/protocol.md section 4.1): the session takes no
   * more calls or callbacks, its queued callbacks are still delivered on polls, then it ends.
   */
  public void closeByClient(RealDuplexSession session) {
    LOG.fine(() -> "Session closed by its client: " + session.id());
    if (session.mailbox.closeByClient(session)) {
      endSession(session, SessionEndReason.CLOSED_BY_CLIENT);
    }
  }

  /**
   * An {@code nda:Ack} that came with a session's close ({@code ack}; null for none): what it covers
   * counts delivered, so a half-close need not wait for a poll that will never come.
   */
  public void acknowledge(RealDuplexSession session, DeliveryAck ack) {
    if (ack == null) {
      return;
    }
    for (QueuedMessage m : session.mailbox.acknowledge(ack)) {
      acknowledged(m);
    }
  }

  /** Call once per fault the endpoint answers, with its code (SOAP 1.2: its subcode, if any). */
  public void faultAnswered(String code) {
    metrics.faultAnswered(code);
  }

  /** Call after a poll was answered empty without parking. */
  public void answeredEmpty() {
    metrics.pollAnsweredEmpty();
  }

  /** Puts back a message whose poll response could not be written, so the next poll gets it. */
  public void redeliver(QueuedMessage m) {
    redeliver(java.util.List.of(m));
  }

  /**
   * Puts back the messages of a poll answer that could not be written (all of one address), first
   * in line and in order, so the next poll gets them as they were; a poll already parked for the
   * address is answered with the first of them.
   */
  public void redeliver(java.util.List<QueuedMessage> messages) {
    if (messages.isEmpty()) {
      return;
    }
    Mailbox.Requeue requeue = messages.get(0).session().mailbox.requeueFirst(messages);
    for (int i = 0; i < requeue.dropped(); i++) {
      metrics.messageDropped();
    }
    if (requeue.poll() != null) {
      requeue.poll().complete(new PollOutcome.Deliver(requeue.head()));
    }
  }

  /**
   * Queues a callback for {@code session}.
   *
   * @throws CallbackQueueFullException if the session's queue is full
   * @throws SessionEndedException if the session ended
   */
  public void send(RealDuplexSession session, CallbackMessage message) {
    switch (enqueue(session, message)) {
      case QUEUE_FULL -> throw new CallbackQueueFullException(session, config.maxPendingMessagesPerSession());
      case SESSION_ENDED -> throw new SessionEndedException(session);
      default -> { }
    }
  }

  /**
   * Queues the reply of a request-reply call for {@code session}. Its room was checked when the call
   * was accepted ({@link #hasRoomForReply}), so callbacks queued since do not push it out: a reply is
   * never lost once its operation ran.
   *
   * @throws SessionEndedException if the session ended during the call
   */
  public void sendReply(RealDuplexSession session, CallbackMessage reply) {
    if (enqueue(session, reply, Integer.MAX_VALUE) == Mailbox.OfferStatus.SESSION_ENDED) {
      throw new SessionEndedException(session);
    }
  }

  /** Whether a request-reply call of {@code session} may be accepted: its reply will fit in the queue. */
  public boolean hasRoomForReply(RealDuplexSession session) {
    return session.queuedMessages() < config.maxPendingMessagesPerSession();
  }

  /** Queues without throwing, for broadcasts; false if the queue was full or the session ended. */
  public boolean offer(RealDuplexSession session, CallbackMessage message) {
    Mailbox.OfferStatus status = enqueue(session, message);
    return status == Mailbox.OfferStatus.QUEUED || status == Mailbox.OfferStatus.HANDED_TO_POLL;
  }

  /** Queues or hands over to a parked poll; reports a full queue to the listener. */
  private Mailbox.OfferStatus enqueue(RealDuplexSession session, CallbackMessage message) {
    return enqueue(session, message, config.maxPendingMessagesPerSession());
  }

  private Mailbox.OfferStatus enqueue(RealDuplexSession session, CallbackMessage message, int limit) {
    QueuedMessage queued = new QueuedMessage(session, message, scheduler.nanoTime());
    Mailbox.Offer offer = session.mailbox.offer(queued, limit);
    switch (offer.status()) {
      case HANDED_TO_POLL -> {
        metrics.messageQueued();
        offer.poll().complete(new PollOutcome.Deliver(offer.handed()));
      }
      case QUEUED -> metrics.messageQueued();
      case QUEUE_FULL -> {
        metrics.messageRefused();
        listener.messageRefused(session);
      }
      default -> { }
    }
    return offer.status();
  }

  /** Ends a session once: drops its queue, answers an orphaned poll, tells the listener. */
  public void endSession(RealDuplexSession session, SessionEndReason reason) {
    if (!session.markEnded()) {
      return;
    }
    Mailbox.Detach detach = session.mailbox.detach(session);
    registry.remove(session, detach.mailboxClosed());
    metrics.sessionEnded(detach.droppedMessages());
    callbackReplies.failAll(session);
    if (detach.orphanedPoll() != null) {
      // A client that closed its session asked for this: its poll ends quietly, not with a fault.
      detach.orphanedPoll().complete(reason == SessionEndReason.CLOSED_BY_CLIENT ? PollOutcome.EMPTY : PollOutcome.ENDED);
    }
    LOG.log(reason == SessionEndReason.SERVER_STOPPED ? Level.FINE : Level.INFO,
        () -> "Session ended (" + reason + "): " + LogIds.forLog(LOG, session.id()));
    try {
      listener.sessionEnded(session, reason);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "DuplexSessionListener.sessionEnded failed for " + LogIds.forLog(LOG, session.id()), e);
    }
  }

  /**
   * A typed proxy of {@code contract} that queues its calls for {@code session}; a two-way call
   * waits for the client's answer in {@link #callbackReplies()}.
   */
  public <T> T callbackProxy(RealDuplexSession session, Class<T> contract) {
    CallbackContract encoding = CallbackContract.of(contract);
    java.util.function.Consumer<CallbackMessage> sink = message -> send(session, message);
    return newProxy(contract, new CallbackInvocationHandler(encoding, sink,
        (method, args) -> callbackReplies.request(session, encoding, method, args, sink), "session " + session.id()));
  }

  /** A proxy of {@code contract} that hands each encoded call to {@code sink}; it cannot make two-way calls. */
  public static <T> T newProxy(Class<T> contract, java.util.function.Consumer<CallbackMessage> sink, String description) {
    return newProxy(contract, new CallbackInvocationHandler(CallbackContract.of(contract), sink, null, description));
  }

  private static <T> T newProxy(Class<T> contract, CallbackInvocationHandler handler) {
    return contract.cast(Proxy.newProxyInstance(contract.getClassLoader(), new Class<?>[] {contract}, handler));
  }

  /** The two-way callbacks waiting for their clients' answers. */
  public PendingCallbackReplies callbackReplies() {
    return callbackReplies;
  }

  public Collection<RealDuplexSession> openSessions() {
    return registry.all();
  }

  public DuplexMetrics metrics() {
    return metrics.snapshot(registry.size(), callbackReplies.lateAnswers());
  }

  /** How late after its timeout an idle session may end. */
  public Duration sweepInterval() {
    return sweeper.interval();
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  /** Ends every session (answering parked polls) and stops the timers. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    sweeper.stop();
    for (RealDuplexSession s : new ArrayList<>(registry.all())) {
      endSession(s, SessionEndReason.SERVER_STOPPED);
    }
    if (ownedScheduler != null) {
      ownedScheduler.close();
    }
  }

  private static DuplexFault sessionEnded(DuplexHeader header) {
    return DuplexFault.naming(DuplexFault.Kind.SESSION_ENDED, "Duplex session " + header.sessionId() + " has ended",
        "Duplex session " + LogIds.brief(header.sessionId()) + " has ended");
  }

  private static DuplexFault addressMismatch(DuplexHeader header) {
    return DuplexFault.naming(DuplexFault.Kind.ADDRESS_MISMATCH,
        "Duplex session " + header.sessionId() + " belongs to another netdx:Address",
        "Duplex session " + LogIds.brief(header.sessionId()) + " belongs to another netdx:Address");
  }

  private void checkOpen() {
    if (closed) {
      throw new DuplexFault(DuplexFault.Kind.TOO_MANY_SESSIONS, "The duplex endpoint is shutting down");
    }
  }
}
