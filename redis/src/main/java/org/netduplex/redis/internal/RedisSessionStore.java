package org.netduplex.redis.internal;

import io.lettuce.core.RedisClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.Scheduler;
import org.netduplex.server.OneNodeTask;
import org.netduplex.server.SessionEndReason;
import org.netduplex.server.internal.CallbackMessage;
import org.netduplex.server.internal.DeliveryAck;
import org.netduplex.server.internal.DuplexFault;
import org.netduplex.server.internal.ParkedPoll;
import org.netduplex.server.internal.PollOutcome;
import org.netduplex.server.internal.QueuedMessage;
import org.netduplex.server.internal.RealDuplexSession;
import org.netduplex.server.internal.SessionStore;
import org.netduplex.server.internal.StoreContext;

/**
 * The engine's store on Redis: each SPI method is one {@code FCALL} of the {@code netduplex_v1}
 * library ({@link RedisFunctions}), so any node can serve any call or poll of any session. What
 * stays on this node: the polls parked here, whose HTTP requests are here ({@link NodePolls}); the
 * session handles this node has seen (dropped when the events stream says another node ended one);
 * and which poll token took each message being written (its fencing token).
 *
 * <p>Times: Redis gets wall-clock ms from the store's {@link Clock}, the same on every node (the
 * system clock; a test gives all its nodes one fake clock); the engine's own clock measures what
 * stays on the node (a poll's timeout, a message's delivery time).
 */
public final class RedisSessionStore implements SessionStore {
  private static final Logger LOG = Logger.getLogger(RedisSessionStore.class.getName());
  private static final int SWEEP_LIMIT = 200;
  private static final Duration HEARTBEAT = Duration.ofSeconds(1);
  private static final Duration NODE_TTL = Duration.ofSeconds(3);
  private static final int BROADCAST_CHUNK = 500;

  private final RedisClient client;
  private final RedisFunctions functions;
  private final StoreCalls calls;
  private final Duration lease;
  private final Duration readBlock;
  private final ExecutorService executor;
  private final Map<String, RealDuplexSession> handles = new ConcurrentHashMap<>();
  /** Sessions a poll's ack or a write left half-closed and empty: {@link #drained} says so once. */
  private final Set<String> drainedSessions = ConcurrentHashMap.newKeySet();
  /** The poll token each message of an answer being written was taken under (identity: records compare by value). */
  private final Map<QueuedMessage, String> takenBy = Collections.synchronizedMap(new IdentityHashMap<>());
  private final Map<String, Boolean> morePending = new ConcurrentHashMap<>();
  private final AtomicLong tokens = new AtomicLong();
  private StoreContext context;
  private Scheduler scheduler;
  private WakeListener wakes;
  private EndEventsTail events;
  private OneNodeLeases oneNode;
  private NodePolls polls;
  private final Clock clock;
  private long timeoutMillis;
  private long drainMillis;
  private long tombstoneMillis;
  private Duration sweepInterval;
  private volatile long lastHeartbeatMillis; // 0: long before any wall-clock now (MIN_VALUE overflowed now - last)
  private volatile boolean stopped;

  /** A poll for an address no session uses (PollStart.unknown() is package-private in the SPI). */
  private static final PollStart UNKNOWN = PollStart.unknown();
  /** A poll something else answered while its call was out (a loss of Redis's data ended it): nothing more to do. */
  private static final PollStart ANSWERED = new PollStart(false, false, null, List.of(), false);

  RedisSessionStore(RedisClient client, RedisFunctions functions, Duration commandTimeout, Duration lease, Clock clock) {
    this.client = client;
    this.clock = clock;
    this.functions = functions;
    this.calls = new StoreCalls(commandTimeout);
    // A blocking read must end before the command timeout would fail it.
    Duration half = commandTimeout.dividedBy(2);
    this.readBlock = half.compareTo(Duration.ofSeconds(1)) < 0 ? half : Duration.ofSeconds(1);
    this.lease = lease;
    this.executor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "netduplex-redis-" + functions.node());
      t.setDaemon(true);
      return t;
    });
    functions.onStoreLost(this::storeLost);
  }

  /** The node id this store answers as. */
  public String node() {
    return functions.node();
  }

  /** The store's one Lettuce connection (RedisDuplexStore.connection). */
  public io.lettuce.core.api.StatefulRedisConnection<byte[], byte[]> connection() {
    return functions.connection();
  }

  @Override
  public void start(StoreContext context) {
    if (this.context != null) {
      throw new IllegalStateException("A store serves one endpoint; this one already serves another");
    }
    this.context = context;
    this.scheduler = context.scheduler();
    long timeoutNanos = context.config().inactivityTimeout().toNanos();
    this.timeoutMillis = context.config().inactivityTimeout().toMillis();
    this.drainMillis = Math.min(timeoutMillis, context.config().closeDrainTimeout().toMillis());
    this.tombstoneMillis = Math.max(2 * timeoutMillis, Duration.ofHours(1).toMillis());
    Duration tenth = Duration.ofNanos(Math.min(timeoutNanos, context.config().closeDrainTimeout().toNanos())).dividedBy(10);
    this.sweepInterval = tenth.compareTo(Duration.ofSeconds(1)) < 0 ? tenth : Duration.ofSeconds(1);
    this.oneNode = new OneNodeLeases(functions, scheduler, executor, this::nowMillis);
    this.polls = new NodePolls(functions, context, executor, calls, lease, this::nowMillis, new NodePolls.Messages() {
      @Override
      public QueuedMessage taken(RedisFunctions.Taken taken, String address, String token) {
        return RedisSessionStore.this.taken(taken, address, token);
      }

      @Override
      public void requeue(QueuedMessage m) {
        requeueFirst(List.of(m));
      }
    });
    this.wakes = new WakeListener(client.connectPubSub(), functions.channel(), executor, polls::hint, polls::retakeAll);
    this.events = new EndEventsTail(client.connect(), functions.eventsKey(), functions.node(), readBlock,
        this::endedElsewhere);
    events.start();
    heartbeat(nowMillis());
  }

  /** Wall-clock ms, what every Function gets as now. */
  long nowMillis() {
    return clock.millis();
  }

  /** The engine-clock time of a wall-clock time of the past. */
  private long nanosAt(long millis) {
    return scheduler.nanoTime() - Math.max(0, nowMillis() - millis) * 1_000_000;
  }

  // ------------------------------------------------------------------------------------------ sessions

  @Override
  public RealDuplexSession find(String sessionId) {
    RealDuplexSession cached = handles.get(sessionId);
    if (cached != null) {
      return cached;
    }
    RedisFunctions.SessionInfo info = await(functions.session(nowMillis(), sessionId));
    if (!info.known()) {
      return null;
    }
    return handle(new DuplexHeader(info.address(), sessionId), info.openedMillis(), info.state());
  }

  /** This node's handle of a live session, made once. */
  private RealDuplexSession handle(DuplexHeader header, long openedMillis, String state) {
    return handles.computeIfAbsent(header.sessionId(), id -> {
      RealDuplexSession s = context.newSession(header, nanosAt(openedMillis));
      if ("closing".equals(state)) {
        s.markClosedByClient();
      }
      return s;
    });
  }

  @Override
  public boolean hasEnded(String sessionId) {
    return await(functions.session(nowMillis(), sessionId)).endReason() != null;
  }

  @Override
  public RealDuplexSession open(DuplexHeader header, long nowNanos) {
    RealDuplexSession probe = context.newSession(header, nowNanos);
    RedisFunctions.Opened opened = await(functions.open(nowMillis(), header.address(), header.sessionId(),
        context.config().maxSessions(), (int) overhead(probe, false), (int) overhead(probe, true)));
    switch (opened.status()) {
      case OPENED -> {
        handles.put(header.sessionId(), probe); // the one handle the engine tells sessionOpened about
        return probe;
      }
      case KNOWN -> {
        return handle(header, opened.openedMillis(), opened.state());
      }
      case MISMATCH -> { // a handle with its own address: the engine answers AddressMismatch
        return handle(new DuplexHeader(opened.address(), header.sessionId()), nowMillis(), "open");
      }
      case ENDED -> throw DuplexFault.naming(DuplexFault.Kind.SESSION_ENDED,
          "Duplex session " + header.sessionId() + " has ended", "A duplex session has ended");
      default -> throw new DuplexFault(DuplexFault.Kind.TOO_MANY_SESSIONS,
          "The server has the maximum number of duplex sessions open (" + context.config().maxSessions() + ")");
    }
  }

  /** What an envelope of {@code session} adds to a message's batch size, per SOAP version (an empty one-way message). */
  private static long overhead(RealDuplexSession session, boolean soap12) {
    return new QueuedMessage(session, new CallbackMessage(new byte[0], ""), 0).batchBytes(soap12);
  }

  @Override
  public void touch(RealDuplexSession session, long nowNanos) {
    session.touch(nowNanos);
    String state = await(functions.touch(nowMillis(), session.address(), session.id()));
    if (state.isEmpty()) { // ended elsewhere, and this node has not read the event yet
      String reason = await(functions.session(nowMillis(), session.id())).endReason();
      forget(session, reason == null ? SessionEndReason.CLOSED_BY_SERVICE : SessionEndReason.valueOf(reason));
    }
  }

  @Override
  public boolean closeByClient(RealDuplexSession session) {
    session.markClosedByClient();
    return await(functions.close(nowMillis(), session.address(), session.id())) != 0;
  }

  @Override
  public boolean drained(RealDuplexSession session) {
    return drainedSessions.remove(session.id());
  }

  @Override
  public Ended end(RealDuplexSession session, SessionEndReason reason) {
    RedisFunctions.Ended ended = await(functions.end(nowMillis(), session.address(), session.id(), reason.name(),
        tombstoneMillis));
    if (ended == null) {
      return null; // another caller ended it; the events stream tells this node
    }
    return ended(session, reason, ended.dropped(), ended.lastOfAddress(), ended.owner(), ended.token());
  }

  /** After this node ended a session in Redis: drop the handle, answer the address's poll if it is parked here. */
  private Ended ended(RealDuplexSession session, SessionEndReason reason, int dropped, boolean last, String owner,
      String token) {
    session.markEnded();
    handles.remove(session.id(), session);
    drainedSessions.remove(session.id());
    if (last) {
      morePending.remove(session.address());
      if (owner.equals(node())) {
        NodePolls.Parked p = polls.unpark(token);
        if (p != null) {
          // A client that closed its session asked for this: its poll ends quietly, not with a fault.
          p.poll().complete(reason == SessionEndReason.CLOSED_BY_CLIENT ? PollOutcome.EMPTY : PollOutcome.ENDED);
        }
      }
    }
    return new Ended(session, reason, dropped);
  }

  @Override
  public List<Ended> sweep(long nowNanos) {
    long now = nowMillis();
    heartbeat(now);
    List<RedisFunctions.Swept> swept;
    try {
      swept = calls.await(functions.sweep(now, timeoutMillis, drainMillis, SWEEP_LIMIT, tombstoneMillis));
    } catch (RuntimeException e) {
      calls.backgroundFailed("the inactivity sweep", e);
      return List.of();
    }
    List<Ended> out = new ArrayList<>(swept.size());
    for (RedisFunctions.Swept s : swept) {
      RealDuplexSession session = handles.get(s.sid());
      if (session == null) {
        session = context.newSession(new DuplexHeader(s.address(), s.sid()), nowNanos);
      }
      out.add(ended(session, SessionEndReason.valueOf(s.reason()), s.dropped(), s.lastOfAddress(), s.owner(),
          s.token()));
    }
    return out;
  }

  /** Every second: this node is alive, and what dead nodes held in flight goes back. */
  private void heartbeat(long now) {
    if (now - lastHeartbeatMillis < HEARTBEAT.toMillis()) {
      return;
    }
    lastHeartbeatMillis = now;
    functions.heartbeat(now, NODE_TTL.toMillis())
        .thenCompose(ok -> functions.reap(now))
        .whenCompleteAsync((requeued, error) -> {
          if (error != null) {
            calls.backgroundFailed("the heartbeat", error);
          } else if (requeued > 0) {
            LOG.info(() -> requeued + " messages in flight on a node that stopped answering went back to their queues");
          }
        }, executor);
  }

  @Override
  public Duration sweepInterval() {
    return sweepInterval;
  }

  /** The sessions this node holds handles for (a cluster-wide list would be a scan, not a cheap view). */
  @Override
  public Collection<RealDuplexSession> sessions() {
    return Collections.unmodifiableCollection(handles.values());
  }

  @Override
  public int openCount() {
    try {
      return calls.await(functions.openCount());
    } catch (RuntimeException e) {
      return handles.size(); // metrics must not fail while Redis is away
    }
  }

  @Override
  public int queued(RealDuplexSession session) {
    RedisFunctions.SessionInfo info = await(functions.session(nowMillis(), session.id()));
    return info.queued() + info.inFlight();
  }

  @Override
  public boolean pollParked(RealDuplexSession session) {
    return await(functions.session(nowMillis(), session.id())).pollParked();
  }

  // ------------------------------------------------------------------------------------------ delivery

  @Override
  public OfferStatus offer(QueuedMessage m, int maxPerSession) {
    RealDuplexSession s = m.session();
    long now = nowMillis();
    byte[] entry = EntryCodec.encode(s.id(), m.batchBytes(false), m.batchBytes(true), now, m.message());
    RedisFunctions.Offered offered = await(functions.offer(now, s.address(), s.id(), entry, maxPerSession));
    return switch (offered.status()) {
      case QUEUED -> {
        if (offered.owner().isEmpty()) {
          yield OfferStatus.QUEUED;
        }
        if (offered.owner().equals(node())) {
          executor.execute(() -> polls.take(offered.token(), s.address()));
        }
        yield OfferStatus.HANDED_TO_POLL;
      }
      case FULL -> OfferStatus.QUEUE_FULL;
      case ENDED -> OfferStatus.SESSION_ENDED;
    };
  }

  @Override
  public PollStart poll(String address, DeliveryAck ack, ParkedPoll poll, long nowNanos, long deadlineNanos) {
    String token = Long.toString(tokens.incrementAndGet(), 36);
    polls.register(token, poll, address); // every way out goes through unpark
    RedisFunctions.Polled polled;
    try {
      long parkMillis = Math.max(0, (deadlineNanos - nowNanos) / 1_000_000) + 10_000;
      polled = await(functions.poll(nowMillis(), address, token, lease.toMillis(), parkMillis, ack != null,
          ack == null ? null : ack.stream(), ack == null ? 0 : ack.highest()));
    } catch (StoreLostException e) {
      // Redis lost its data: the poll's address is gone, unless the loss already answered the poll.
      return polls.unpark(token) == null ? ANSWERED : UNKNOWN;
    } catch (RuntimeException e) {
      if (polls.unpark(token) == null) {
        return ANSWERED;
      }
      throw e;
    }
    drainedSessions.addAll(polled.drained());
    List<QueuedMessage> released = messages(polled.released());
    switch (polled.status()) {
      case UNKNOWN -> {
        polls.unpark(token);
        return UNKNOWN;
      }
      case MESSAGE -> {
        polls.unpark(token);
        return new PollStart(false, false, taken(polled.taken(), address, token), released, polled.ackBeyondSent());
      }
      default -> {
        if (!polled.replacedToken().isEmpty()) {
          NodePolls.Parked older = polls.unpark(polled.replacedToken());
          if (older != null) {
            context.answerEmpty(older.poll()); // a newer poll must not strand the older one
          }
        }
        poll.armTimeout(scheduler, deadlineNanos, () -> polls.expire(token));
        return new PollStart(false, false, null, released, polled.ackBeyondSent());
      }
    }
  }

  /** A message a poll took, with its session's handle; remembers the token it was taken under. */
  private QueuedMessage taken(RedisFunctions.Taken t, String address, String token) {
    morePending.put(address, t.more());
    QueuedMessage m = message(t.entry(), address, t.number(), t.stream());
    takenBy.put(m, token);
    return m;
  }

  private QueuedMessage message(byte[] entry, String address, long number, String stream) {
    EntryCodec.Entry e = EntryCodec.decode(entry);
    RealDuplexSession session = handles.get(e.sessionId());
    if (session == null) {
      session = handle(new DuplexHeader(address, e.sessionId()), nowMillis(), "open");
    }
    long queuedNanos = nanosAt(e.queuedAtMillis());
    return number == 0 ? new QueuedMessage(session, e.message(), queuedNanos)
        : new QueuedMessage(session, e.message(), queuedNanos, stream, number);
  }

  /** In-flight items ({@code "<number> <entry>"}) as messages; the address is read from the store's session key if needed. */
  private List<QueuedMessage> messages(List<byte[]> items) {
    if (items.isEmpty()) {
      return List.of();
    }
    List<QueuedMessage> out = new ArrayList<>(items.size());
    for (byte[] item : items) {
      byte[] entry = EntryCodec.inFlight(item);
      String sid = EntryCodec.decode(entry).sessionId();
      RealDuplexSession s = handles.get(sid);
      String address = s != null ? s.address() : await(functions.session(nowMillis(), sid)).address();
      if (address != null) {
        out.add(message(entry, address, EntryCodec.number(item), null));
      }
    }
    return out;
  }

  /**
   * A streamed answer on Redis closes after the messages its poll took (docs/protocol.md section
   * 18.4): a node does not park the rest of an answer, so the client polls again for what follows.
   */
  @Override
  public PollOutcome pollMore(QueuedMessage sent, ParkedPoll poll, long deadlineNanos, long maxBytes, boolean soap12) {
    return PollOutcome.EMPTY;
  }

  @Override
  public List<QueuedMessage> drain(QueuedMessage first, int maxMessages, long maxBytes, boolean soap12) {
    if (maxMessages <= 0) {
      return List.of();
    }
    String token = takenBy.get(first);
    String address = first.session().address();
    int numberBytes = first.numbered()
        ? (int) (new QueuedMessage(first.session(), first.message(), 0, first.stream(), Long.MAX_VALUE).batchBytes(false)
            - new QueuedMessage(first.session(), first.message(), 0).batchBytes(false))
        : 0;
    RedisFunctions.Drained drained = await(functions.drain(nowMillis(), address, token == null ? "" : token,
        first.sequence(), maxMessages, maxBytes, soap12, numberBytes));
    morePending.put(address, drained.more());
    List<QueuedMessage> out = new ArrayList<>(drained.items().size());
    for (byte[] item : drained.items()) {
      QueuedMessage m = message(EntryCodec.inFlight(item), address, EntryCodec.number(item), first.stream());
      if (token != null) {
        takenBy.put(m, token);
      }
      out.add(m);
    }
    return out;
  }

  @Override
  public boolean morePending(QueuedMessage m) {
    Boolean more = morePending.get(m.session().address());
    return more != null ? more : await(functions.pending(nowMillis(), m.session().address()));
  }

  @Override
  public List<QueuedMessage> written(List<QueuedMessage> messages) {
    List<QueuedMessage> delivered = new ArrayList<>(messages.size());
    String token = null;
    for (QueuedMessage m : messages) {
      String t = takenBy.remove(m);
      if (!m.numbered()) {
        delivered.add(m);
        token = token == null ? t : token;
      }
    }
    if (token != null) {
      String address = messages.get(0).session().address();
      try {
        RedisFunctions.Written w = calls.await(functions.written(nowMillis(), address, token));
        if (w.fenced()) {
          LOG.info(() -> "An answer was written after its lease was reclaimed; its client may get its messages twice");
        }
        drainedSessions.addAll(w.drained());
      } catch (RuntimeException e) {
        // Written, but not recorded: the lease runs out and the messages are sent again (at-least-once).
        calls.backgroundFailed("recording a written answer", e);
      }
    }
    return delivered;
  }

  @Override
  public int requeueFirst(List<QueuedMessage> messages) {
    if (messages.isEmpty()) {
      return 0;
    }
    String token = null;
    for (QueuedMessage m : messages) {
      String t = takenBy.remove(m);
      token = token == null ? t : token;
    }
    String address = messages.get(0).session().address();
    try {
      RedisFunctions.Requeued r = calls.await(functions.requeue(nowMillis(), address, token == null ? "" : token));
      if (!r.fenced() && r.owner().equals(node())) {
        executor.execute(() -> polls.take(r.token(), address));
      }
      return r.dropped();
    } catch (RuntimeException e) {
      // Not put back now: the lease runs out and the next poll requeues them first.
      calls.backgroundFailed("putting back an unwritten answer", e);
      return 0;
    }
  }

  @Override
  public List<QueuedMessage> acknowledge(RealDuplexSession session, DeliveryAck ack) {
    if (ack.stream() == null) {
      return List.of();
    }
    RedisFunctions.Acked acked = await(functions.ack(nowMillis(), session.address(), ack.stream(), ack.highest()));
    drainedSessions.addAll(acked.drained());
    return messages(acked.released());
  }

  @Override
  public boolean discard(QueuedMessage m) {
    takenBy.remove(m);
    return m.numbered() && await(functions.discard(nowMillis(), m.session().address(), m.sequence()));
  }

  // ------------------------------------------------------------------------------------------ cluster tools

  @Override
  public void join(String group, RealDuplexSession session) {
    await(functions.groupJoin(nowMillis(), group, session.address(), session.id()));
  }

  @Override
  public void leave(String group, RealDuplexSession session) {
    await(functions.groupLeave(nowMillis(), group, session.address(), session.id()));
  }

  @Override
  public int groupSize(String group) {
    return Math.toIntExact(await(functions.groupSize(group)));
  }

  /** In chunks of {@value #BROADCAST_CHUNK} members per call; the message bodies go to Redis once per chunk. */
  @Override
  public Fanout broadcast(String group, List<CallbackMessage> messages, long nowNanos, int maxPerSession) {
    long now = nowMillis();
    List<RedisFunctions.Broadcast> parts = new ArrayList<>(messages.size());
    RealDuplexSession any = context.newSession(new DuplexHeader("urn:netduplex:size", "size"), nowNanos);
    for (CallbackMessage m : messages) {
      QueuedMessage sized = new QueuedMessage(any, m, nowNanos);
      parts.add(new RedisFunctions.Broadcast(EntryCodec.payload(now, m), sized.batchBytes(false) - overhead(any, false),
          sized.batchBytes(true) - overhead(any, true)));
    }
    String cursor = "0";
    int reached = 0;
    int queued = 0;
    List<RealDuplexSession> refused = new ArrayList<>();
    do {
      RedisFunctions.BroadcastChunk chunk = await(functions.broadcast(now, group, cursor, BROADCAST_CHUNK, parts,
          maxPerSession));
      cursor = chunk.cursor();
      reached += chunk.reached();
      queued += chunk.queued();
      for (String sid : chunk.refused()) {
        RealDuplexSession s = find(sid);
        if (s != null) {
          refused.add(s);
        }
      }
      for (String own : chunk.ownPolls()) {
        String[] tokenAddress = own.split(" ", 2);
        executor.execute(() -> polls.take(tokenAddress[0], tokenAddress[1]));
      }
    } while (!cursor.equals("0"));
    return new Fanout(reached, queued, refused);
  }

  @Override
  public AutoCloseable runOnOneNode(String name, OneNodeTask task) {
    return oneNode.run(name, task);
  }

  // ------------------------------------------------------------------------------------------ lifecycle

  @Override
  public boolean available() {
    return functions.connected();
  }

  /** Another node ended a session this node may hold a handle of: the engine tells this node's listener. */
  private void endedElsewhere(EndEventsTail.EndEvent event) {
    RealDuplexSession s = handles.remove(event.sessionId());
    if (s != null) {
      forget(s, SessionEndReason.valueOf(event.reason()));
    }
  }

  private void forget(RealDuplexSession session, SessionEndReason reason) {
    handles.remove(session.id(), session);
    drainedSessions.remove(session.id());
    context.endedElsewhere(session, reason);
  }

  /** Redis came back empty: every session this node knew is gone; their polls end, so clients fault instead of hanging. */
  private void storeLost(String newEpoch) {
    LOG.warning(() -> "Redis lost the session store's data (new epoch " + newEpoch + "): this node's "
        + handles.size() + " sessions and " + polls.size() + " parked polls end");
    for (String token : polls.tokens()) {
      NodePolls.Parked p = polls.unpark(token);
      if (p != null) {
        p.poll().complete(PollOutcome.ENDED);
      }
    }
    for (RealDuplexSession s : new ArrayList<>(handles.values())) {
      forget(s, SessionEndReason.SERVER_STOPPED);
    }
  }

  /**
   * This node stops; its sessions live on in Redis. Parked polls are answered empty (their clients
   * poll again, on another node), what it holds in flight goes back at once, its tasks stop.
   */
  @Override
  public List<Ended> stop() {
    if (stopped || context == null) {
      return List.of();
    }
    stopped = true;
    oneNode.stopAll();
    long now = nowMillis();
    for (String token : polls.tokens()) {
      NodePolls.Parked p = polls.unpark(token);
      if (p != null) {
        functions.unpark(now, p.address(), token);
        context.answerEmpty(p.poll());
      }
    }
    try {
      calls.await(functions.leave(now));
    } catch (RuntimeException e) {
      calls.backgroundFailed("handing back this node's messages in flight (its heartbeat lapses instead)", e);
    }
    return List.of();
  }

  @Override
  public void close() {
    stop();
    if (events != null) {
      events.close();
    }
    if (wakes != null) {
      wakes.close();
    }
    executor.shutdown();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  private <T> T await(java.util.concurrent.CompletionStage<T> call) {
    return calls.await(call);
  }

  @Override
  public String toString() {
    return "RedisSessionStore{node=" + node() + ", prefix=" + functions.prefix() + "}";
  }
}
