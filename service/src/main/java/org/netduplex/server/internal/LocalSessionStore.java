package org.netduplex.server.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.netduplex.core.DuplexHeader;
import org.netduplex.server.SessionEndReason;

/**
 * The in-memory store, in the endpoint's JVM: {@link SessionRegistry} and one {@link Mailbox} per
 * address. Each method makes the mailbox's decision under its lock, then completes whatever poll
 * that decision handed out, outside it (CONCURRENCY.md rules 1 and 2).
 */
public final class LocalSessionStore implements SessionStore {
  private SessionRegistry registry;
  private final LocalGroups groups = new LocalGroups();
  private final LocalOneNodeTasks oneNodeTasks = new LocalOneNodeTasks();
  private StoreContext context;
  private long timeoutNanos;
  private long drainNanos;
  private Duration sweepInterval;

  @Override
  public void start(StoreContext context) {
    if (this.context != null) {
      throw new IllegalStateException("A store serves one endpoint; this one already serves another");
    }
    this.context = context;
    this.registry = new SessionRegistry(context.config().maxSessions());
    this.timeoutNanos = context.config().inactivityTimeout().toNanos();
    this.drainNanos = Math.min(timeoutNanos, context.config().closeDrainTimeout().toNanos());
    Duration tenth = Duration.ofNanos(drainNanos).dividedBy(10);
    this.sweepInterval = tenth.compareTo(Duration.ofSeconds(1)) < 0 ? tenth : Duration.ofSeconds(1);
  }

  DuplexEngine engine() {
    return context.engine();
  }

  @Override
  public RealDuplexSession find(String sessionId) {
    return registry.get(sessionId);
  }

  @Override
  public boolean hasEnded(String sessionId) {
    return registry.hasEnded(sessionId);
  }

  @Override
  public RealDuplexSession open(DuplexHeader header, long nowNanos) {
    return registry.open(header, mailbox -> new RealDuplexSession(header, mailbox, this, nowNanos),
        address -> new Mailbox(address, context));
  }

  @Override
  public void touch(RealDuplexSession session, long nowNanos) {
    session.touch(nowNanos);
  }

  @Override
  public boolean closeByClient(RealDuplexSession session) {
    return session.mailbox.closeByClient(session);
  }

  @Override
  public boolean drained(RealDuplexSession session) {
    return session.mailbox.drained(session);
  }

  @Override
  public Ended end(RealDuplexSession session, SessionEndReason reason) {
    if (!session.markEnded()) {
      return null;
    }
    Mailbox.Detach detach = session.mailbox.detach(session);
    registry.remove(session, detach.mailboxClosed());
    groups.ended(session);
    if (detach.orphanedPoll() != null) {
      // A client that closed its session asked for this: its poll ends quietly, not with a fault.
      detach.orphanedPoll().complete(reason == SessionEndReason.CLOSED_BY_CLIENT ? PollOutcome.EMPTY : PollOutcome.ENDED);
    }
    return new Ended(session, reason, detach.droppedMessages());
  }

  /**
   * Scans every session; a scan of 50,000 sessions is a few hundred microseconds, cheaper than a
   * timer per session that every call would have to reschedule.
   */
  @Override
  public List<Ended> sweep(long nowNanos) {
    List<RealDuplexSession> idle = new ArrayList<>();
    for (RealDuplexSession s : registry.all()) {
      if (nowNanos - s.lastActivityNanos() >= (s.closedByClient() ? drainNanos : timeoutNanos)) {
        idle.add(s);
      }
    }
    List<Ended> ended = new ArrayList<>(idle.size());
    for (RealDuplexSession s : idle) {
      // A half-closed session whose client stopped polling ends as the close it was.
      Ended e = end(s, s.closedByClient() ? SessionEndReason.CLOSED_BY_CLIENT : SessionEndReason.INACTIVITY_TIMEOUT);
      if (e != null) {
        ended.add(e);
      }
    }
    return ended;
  }

  @Override
  public Duration sweepInterval() {
    return sweepInterval;
  }

  @Override
  public Collection<RealDuplexSession> sessions() {
    return registry.all();
  }

  @Override
  public int openCount() {
    return registry.size();
  }

  @Override
  public int queued(RealDuplexSession session) {
    return session.mailbox.queuedFor(session);
  }

  @Override
  public boolean pollParked(RealDuplexSession session) {
    return session.mailbox.hasParkedPoll();
  }

  @Override
  public OfferStatus offer(QueuedMessage m, int maxPerSession) {
    Mailbox.Offer offer = m.session().mailbox.offer(m, maxPerSession);
    if (offer.status() == OfferStatus.HANDED_TO_POLL) {
      offer.poll().complete(new PollOutcome.Deliver(offer.handed()));
    }
    return offer.status();
  }

  @Override
  public PollStart poll(String address, DeliveryAck ack, ParkedPoll poll, long nowNanos, long deadlineNanos) {
    Mailbox mailbox = registry.mailbox(address);
    if (mailbox == null) {
      return PollStart.unknown();
    }
    mailbox.touchSessions(nowNanos);
    Mailbox.PollStart start = mailbox.poll(poll, ack);
    if (!start.ended() && start.message() == null) {
      if (start.replaced() != null) {
        context.answerEmpty(start.replaced()); // a newer poll must not strand the older one
      }
      poll.armTimeout(context.scheduler(), deadlineNanos, () -> {
        if (mailbox.expire(poll)) {
          context.answerEmpty(poll);
        }
      });
    }
    return new PollStart(false, start.ended(), start.message(), start.released(), start.ackBeyondSent());
  }

  @Override
  public List<QueuedMessage> drain(QueuedMessage first, int maxMessages, long maxBytes, boolean soap12) {
    return first.session().mailbox.drain(first, maxMessages, maxBytes, soap12);
  }

  @Override
  public boolean morePending(QueuedMessage m) {
    return m.session().mailbox.hasQueued();
  }

  /** Taken messages left their mailbox when they were taken: nothing to change here. */
  @Override
  public List<QueuedMessage> written(List<QueuedMessage> messages) {
    List<QueuedMessage> delivered = new ArrayList<>(messages.size());
    for (QueuedMessage m : messages) {
      if (!m.numbered()) {
        delivered.add(m);
      }
    }
    return delivered;
  }

  @Override
  public int requeueFirst(List<QueuedMessage> messages) {
    Mailbox.Requeue requeue = messages.get(0).session().mailbox.requeueFirst(messages);
    if (requeue.poll() != null) {
      requeue.poll().complete(new PollOutcome.Deliver(requeue.head()));
    }
    return requeue.dropped();
  }

  @Override
  public List<QueuedMessage> acknowledge(RealDuplexSession session, DeliveryAck ack) {
    return session.mailbox.acknowledge(ack);
  }

  @Override
  public boolean discard(QueuedMessage m) {
    return m.session().mailbox.discard(m);
  }

  @Override
  public void join(String group, RealDuplexSession session) {
    groups.join(group, session);
  }

  @Override
  public void leave(String group, RealDuplexSession session) {
    groups.leave(group, session);
  }

  @Override
  public int groupSize(String group) {
    return groups.size(group);
  }

  @Override
  public Fanout broadcast(String group, List<CallbackMessage> messages, long nowNanos, int maxPerSession) {
    int reached = 0;
    int queued = 0;
    List<RealDuplexSession> refused = new ArrayList<>();
    for (RealDuplexSession member : groups.members(group)) {
      boolean all = true;
      boolean full = false;
      for (CallbackMessage m : messages) {
        switch (offer(new QueuedMessage(member, m, nowNanos), maxPerSession)) {
          case QUEUED, HANDED_TO_POLL -> queued++;
          case QUEUE_FULL -> {
            all = false;
            full = true;
          }
          case SESSION_ENDED -> all = false;
        }
      }
      if (all) {
        reached++;
      }
      if (full) {
        refused.add(member);
      }
    }
    return new Fanout(reached, queued, refused);
  }

  @Override
  public AutoCloseable runOnOneNode(String name, org.netduplex.server.OneNodeTask task) {
    return oneNodeTasks.run(name, task);
  }

  /** Every session lives in this JVM alone: stopping ends them all. */
  @Override
  public List<Ended> stop() {
    oneNodeTasks.stopAll();
    List<Ended> ended = new ArrayList<>();
    for (RealDuplexSession s : new ArrayList<>(registry.all())) {
      Ended e = end(s, SessionEndReason.SERVER_STOPPED);
      if (e != null) {
        ended.add(e);
      }
    }
    return ended;
  }

  @Override
  public void close() {
    // Nothing held outside the heap.
  }
}
