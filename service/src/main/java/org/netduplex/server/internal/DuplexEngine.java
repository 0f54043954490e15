package org.netduplex.server.internal;

import java.lang.reflect.Proxy;
import java.time.Duration;
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
  private final SessionStore store;
  private final EngineMetrics metrics = new EngineMetrics();
  private final InactivitySweeper sweeper;
  private final PendingCallbackReplies callbackReplies;
  private final SessionIdCheck idCheck;
  private final StoreGroups groups = new StoreGroups(this);
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
    this.store = storeOf(config);
    store.start(new Context());
    this.idCheck = new SessionIdCheck(config.sessionIdPolicy());
    this.sweeper = new InactivitySweeper(this, scheduler, store.sweepInterval());
    this.callbackReplies = new PendingCallbackReplies(scheduler, config.callbackReplyTimeout());
    sweeper.start();
  }

  /** The engine's clock. */
  long nanoTime() {
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
    RealDuplexSession session = store.find(header.sessionId());
    if (session == null) {
      if (store.hasEnded(header.sessionId())) {
        throw sessionEnded(header);
      }
      checkOpen();
      idCheck.check(header);
      RealDuplexSession opened = store.open(header, now);
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
    store.touch(session, now);
    return session;
  }

  /**
   * The session a bare {@code netdx:CloseSession} names, never opening one: null if it is unknown or
   * has ended (nothing to close; the close is answered as done). A known one counts as activity.
   *
   * @throws DuplexFault if the session belongs to another address
   */
  public RealDuplexSession sessionForClose(DuplexHeader header) {
    RealDuplexSession session = store.find(header.sessionId());
    if (session == null || session.ended()) {
      return null;
    }
    if (!session.address().equals(header.address())) {
      throw addressMismatch(header);
    }
    store.touch(session, scheduler.nanoTime());
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
    long arrived = scheduler.nanoTime();
    // Counted from the poll's arrival: the clock may move while it parks (PollTimeoutWhileParkingTest).
    SessionStore.PollStart start = store.poll(address, ack, new ParkedPoll(waiter), arrived,
        arrived + config.pollTimeout().toNanos());
    if (start.unknownAddress()) {
      throw DuplexFault.naming(DuplexFault.Kind.UNKNOWN_ADDRESS, "No open duplex session uses the address " + address,
          "No open duplex session uses the address " + LogIds.briefAddress(address));
    }
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
    return start.message() != null ? new PollOutcome.Deliver(start.message()) : null;
  }

  private void answerEmpty(ParkedPoll poll) {
    if (poll.complete(PollOutcome.EMPTY)) {
      metrics.pollAnsweredEmpty();
    }
  }

  /**
   * The messages to send after {@code first} in one batch answer: those waiting for its address
   * now, in order, within {@code maxMessages} in all and {@code maxBytes} in all, {@code first}
   * included, each counted as {@link QueuedMessage#batchBytes} in the answer's SOAP version. If
   * {@code first} alone is over the budget it goes alone.
   */
  public java.util.List<QueuedMessage> takeMore(QueuedMessage first, int maxMessages, long maxBytes, boolean soap12) {
    return store.drain(first, maxMessages - 1, maxBytes - first.batchBytes(soap12), soap12);
  }

  /** Whether more messages wait for the address of {@code m}'s session. */
  public boolean morePending(QueuedMessage m) {
    return store.morePending(m);
  }

  /** Call once per poll answer that carried messages, after it was written. */
  public void answeredWithMessages() {
    metrics.pollAnsweredWithMessages();
  }

  /** As {@link #delivered(java.util.List)} for an answer of one message. */
  public void delivered(QueuedMessage m) {
    delivered(java.util.List.of(m));
  }

  /**
   * Call once after a poll answer carrying {@code messages} (in order) was written: counts them
   * delivered, touches their sessions. A numbered message (acking address) is only written: it
   * counts when its ack comes.
   */
  public void delivered(java.util.List<QueuedMessage> messages) {
    long now = scheduler.nanoTime();
    for (QueuedMessage m : messages) {
      if (m.numbered()) {
        m.session().touch(now);
      }
    }
    for (QueuedMessage m : store.written(messages)) {
      acknowledged(m);
    }
  }

  /** The message reached its client: counts it, tells the listener, completes a half-close it was the last of. */
  private void acknowledged(QueuedMessage m) {
    RealDuplexSession session = m.session();
    long now = scheduler.nanoTime();
    session.touch(now);
    metrics.messageDelivered(now - m.queuedNanos());
    listener.messageDelivered(session);
    if (store.drained(session)) {
      endSession(session, SessionEndReason.CLOSED_BY_CLIENT); // the half-close is complete
    }
  }

  /**
   * Call for a taken message that cannot be written at all (its envelope does not encode in the
   * poll's form): counts it dropped and, if it was the last of a half-closed session, ends that.
   */
  public void undeliverable(QueuedMessage m) {
    RealDuplexSession session = m.session();
    if (m.numbered() && !store.discard(m)) {
      return; // acked or dropped with its session meanwhile: counted there
    }
    metrics.messageDropped();
    if (store.drained(session)) {
      endSession(session, SessionEndReason.CLOSED_BY_CLIENT);
    }
  }

  /**
   * The client sent {@code netdx:CloseSession} (docs/protocol.md section 4.1): the session takes no
   * more calls or callbacks, its queued callbacks are still delivered on polls, then it ends.
   */
  public void closeByClient(RealDuplexSession session) {
    LOG.fine(() -> "Session closed by its client: " + session.id());
    if (store.closeByClient(session)) {
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
    for (QueuedMessage m : store.acknowledge(session, ack)) {
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
    int dropped = store.requeueFirst(messages);
    for (int i = 0; i < dropped; i++) {
      metrics.messageDropped();
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
    if (enqueue(session, reply, Integer.MAX_VALUE) == SessionStore.OfferStatus.SESSION_ENDED) {
      throw new SessionEndedException(session);
    }
  }

  /** Whether a request-reply call of {@code session} may be accepted: its reply will fit in the queue. */
  public boolean hasRoomForReply(RealDuplexSession session) {
    return session.queuedMessages() < config.maxPendingMessagesPerSession();
  }

  /** Queues without throwing, for broadcasts; false if the queue was full or the session ended. */
  public boolean offer(RealDuplexSession session, CallbackMessage message) {
    SessionStore.OfferStatus status = enqueue(session, message);
    return status == SessionStore.OfferStatus.QUEUED || status == SessionStore.OfferStatus.HANDED_TO_POLL;
  }

  /** Queues or hands over to a parked poll; reports a full queue to the listener. */
  private SessionStore.OfferStatus enqueue(RealDuplexSession session, CallbackMessage message) {
    return enqueue(session, message, config.maxPendingMessagesPerSession());
  }

  private SessionStore.OfferStatus enqueue(RealDuplexSession session, CallbackMessage message, int limit) {
    SessionStore.OfferStatus status = store.offer(new QueuedMessage(session, message, scheduler.nanoTime()), limit);
    switch (status) {
      case QUEUED, HANDED_TO_POLL -> metrics.messageQueued();
      case QUEUE_FULL -> {
        metrics.messageRefused();
        listener.messageRefused(session);
      }
      default -> { }
    }
    return status;
  }

  /** Ends a session once: the store drops its queue and answers an orphaned poll; tells the listener. */
  public void endSession(RealDuplexSession session, SessionEndReason reason) {
    SessionStore.Ended ended = store.end(session, reason);
    if (ended != null) {
      afterEnd(ended);
    }
  }

  /** Ends every session idle at {@code nowNanos}; the sweeper's task. */
  void sweep(long nowNanos) {
    for (SessionStore.Ended ended : store.sweep(nowNanos)) {
      afterEnd(ended);
    }
  }

  /** What follows the store's end of a session: counts, fails its waiting two-way callbacks, logs, tells the listener. */
  private void afterEnd(SessionStore.Ended ended) {
    metrics.sessionEnded(ended.droppedMessages());
    released(ended.session(), ended.reason());
  }

  /** Drops this node's references to an ended session and tells the listener. */
  private void released(RealDuplexSession session, SessionEndReason reason) {
    callbackReplies.failAll(session);
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

  /** The endpoint's groups, kept by its store. */
  public org.netduplex.server.DuplexGroups groups() {
    return groups;
  }

  void join(String group, RealDuplexSession session) {
    store.join(group, session);
  }

  void leave(String group, RealDuplexSession session) {
    store.leave(group, session);
  }

  int groupSize(String group) {
    return store.groupSize(group);
  }

  /** Queues {@code messages} for every member of {@code group}; returns how many took them all. */
  int broadcast(String group, java.util.List<CallbackMessage> messages) {
    SessionStore.Fanout fanout = store.broadcast(group, messages, scheduler.nanoTime(), config.maxPendingMessagesPerSession());
    for (int i = 0; i < fanout.queued(); i++) {
      metrics.messageQueued();
    }
    for (RealDuplexSession refused : fanout.refused()) {
      metrics.messageRefused();
      listener.messageRefused(refused);
    }
    return fanout.reached();
  }

  /** Runs {@code task} on one node of the store's cluster at a time (the in-memory store: here, now). */
  public AutoCloseable runOnOneNode(String name, org.netduplex.server.OneNodeTask task) {
    return store.runOnOneNode(java.util.Objects.requireNonNull(name, "name"), java.util.Objects.requireNonNull(task, "task"));
  }

  /** The open or half-closed session with this id, wherever it was opened; null if unknown or ended. */
  public RealDuplexSession find(String sessionId) {
    return store.find(sessionId);
  }

  /** The two-way callbacks waiting for their clients' answers. */
  public PendingCallbackReplies callbackReplies() {
    return callbackReplies;
  }

  public Collection<RealDuplexSession> openSessions() {
    return store.sessions();
  }

  public DuplexMetrics metrics() {
    return metrics.snapshot(store.openCount(), callbackReplies.lateAnswers());
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
    for (SessionStore.Ended ended : store.stop()) {
      afterEnd(ended);
    }
    store.close();
    if (ownedScheduler != null) {
      ownedScheduler.close();
    }
  }

  /** The engine's side of its store's decisions. */
  private final class Context implements StoreContext {
    @Override
    public Scheduler scheduler() {
      return scheduler;
    }

    @Override
    public DuplexServerConfig config() {
      return config;
    }

    @Override
    public DuplexEngine engine() {
      return DuplexEngine.this;
    }

    @Override
    public RealDuplexSession newSession(DuplexHeader header, long openedNanos) {
      return new RealDuplexSession(header, DuplexEngine.this, store, openedNanos);
    }

    @Override
    public void pollParked() {
      metrics.pollParked();
    }

    @Override
    public void pollUnparked() {
      metrics.pollUnparked();
    }

    @Override
    public void answerEmpty(ParkedPoll poll) {
      DuplexEngine.this.answerEmpty(poll);
    }

    @Override
    public void endedElsewhere(RealDuplexSession session, SessionEndReason reason) {
      if (session.markEnded()) {
        released(session, reason);
      }
    }
  }

  private static SessionStore storeOf(DuplexServerConfig config) {
    if (config.store() == null) {
      return new LocalSessionStore();
    }
    if (config.store() instanceof SessionStore s) {
      return s;
    }
    throw new IllegalArgumentException("Not a store NetDuplex can use: " + config.store().getClass().getName());
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
