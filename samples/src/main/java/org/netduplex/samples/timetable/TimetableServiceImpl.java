package org.netduplex.samples.timetable;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.netduplex.server.CallbackChannels;
import org.netduplex.server.CallbackQueueFullException;
import org.netduplex.server.DuplexGroups;
import org.netduplex.server.DuplexSession;
import org.netduplex.server.DuplexSessionListener;
import org.netduplex.server.SessionEndReason;
import org.netduplex.server.SessionEndedException;
import org.netduplex.timetable.ITimeService;
import org.netduplex.timetable.ITimeServiceCallback;
import org.netduplex.timetable.RaceUpdate;

/**
 * The ITimeService of seed 003 (its TimeRunner): {@code Register} subscribes the caller and sends it the
 * whole table; {@link #publish} sends every subscriber only what changed since the last image.
 *
 * <p>Subscribers are the endpoint's groups, so this works on one server and on a cluster alike:
 * {@value #UP_TO_DATE} get each diff, {@value #BEHIND} (their table is wrong: their queue was full
 * when a diff was sent) get the whole table with every change instead, since a diff applies only to
 * the table before it. A subscriber moves back when it takes a whole table: as soon as one of its
 * messages is delivered by the node that saw it fall behind, or with the next change.
 *
 * <p>Only the node that watches the file ({@link #watching}) publishes; one lock orders its publishes,
 * registrations and catch-ups, so a client it serves never gets a diff before its whole table, nor a
 * diff its table lacks the base of. Another node reads the file for each newcomer, after adding it to
 * the group: a diff published meanwhile is then either before its whole table (which replaces it) or
 * after a table that already has it (applying a diff twice changes nothing). Queuing a callback does
 * not block, so holding the lock is cheap.
 */
@jakarta.jws.WebService(
    serviceName = "TimetableService",
    portName = "PollingDuplexHttpBinding_ITimeService",
    targetNamespace = "urn:netduplex:samples:timetable",
    wsdlLocation = "classpath:wsdl/TimetableService.wsdl",
    endpointInterface = "org.netduplex.timetable.ITimeService")
public class TimetableServiceImpl implements ITimeService, DuplexSessionListener {
  private static final Logger LOG = Logger.getLogger(TimetableServiceImpl.class.getName());
  /** Subscribers whose table is right: they get diffs. */
  static final String UP_TO_DATE = "timetable";
  /** Subscribers that missed a diff: they get the whole table with every change. */
  static final String BEHIND = "timetable-behind";

  private final Object lock = new Object();
  private final DuplexGroups groups;
  private final Supplier<Optional<Timetable>> file;
  /** Subscribers this node saw fall behind: it moves them back on their next delivery. */
  private final Set<DuplexSession> behind = ConcurrentHashMap.newKeySet();
  private Timetable current; // guarded by lock
  private volatile boolean watching;

  /** {@code file} reads the timetable file now (empty if it is not valid). */
  TimetableServiceImpl(Timetable initial, DuplexGroups groups, Supplier<Optional<Timetable>> file) {
    this.current = initial;
    this.groups = groups;
    this.file = file;
  }

  @Override
  public void register() {
    DuplexSession caller = CallbackChannels.currentSession();
    synchronized (lock) {
      groups.join(UP_TO_DATE, caller);
      sendWholeTable(caller, tableNow());
    }
  }

  /**
   * This node now watches the file: {@code table} is the file as it read it. It cannot know what the
   * last watcher sent, so every subscriber gets the whole table.
   */
  void startWatching(Timetable table) {
    synchronized (lock) {
      watching = true;
      current = table;
      catchUp(table);
      groups.broadcast(UP_TO_DATE, ITimeServiceCallback.class,
          c -> c.update(TimetableDiff.fullTable(table).toUpdate(true)));
    }
  }

  /** Another node watches the file from now on. */
  void stopWatching() {
    watching = false;
  }

  /** Makes {@code next} the current image and sends subscribers what changed; returns the change. */
  TimetableDiff publish(Timetable next) {
    synchronized (lock) {
      TimetableDiff diff = TimetableDiff.between(current, next);
      current = next;
      if (diff.isEmpty()) {
        return diff;
      }
      RaceUpdate update = diff.toUpdate(false);
      groups.broadcast(UP_TO_DATE, ITimeServiceCallback.class, c -> c.update(update));
      catchUp(next);
      return diff;
    }
  }

  /** Sends the subscribers that are behind the whole {@code table}: those this node knows one by one, so they move back. */
  private void catchUp(Timetable table) {
    for (DuplexSession s : List.copyOf(behind)) {
      moveBack(s, table);
    }
    RaceUpdate whole = TimetableDiff.fullTable(table).toUpdate(true);
    groups.broadcast(BEHIND, ITimeServiceCallback.class, c -> c.update(whole));
  }

  /** The table a newcomer gets: the one this node published, or, where another node watches, the file now. */
  private Timetable tableNow() {
    if (!watching) {
      file.get().ifPresent(t -> current = t);
    }
    return current;
  }

  Timetable current() {
    synchronized (lock) {
      return current;
    }
  }

  int subscriberCount() {
    return groups.size(UP_TO_DATE) + groups.size(BEHIND);
  }

  /** Sends {@code session} the whole {@code table}; a full queue leaves it behind. Under the lock. */
  private void sendWholeTable(DuplexSession session, Timetable table) {
    try {
      session.callback(ITimeServiceCallback.class).update(TimetableDiff.fullTable(table).toUpdate(true));
      if (behind.remove(session)) {
        groups.leave(BEHIND, session);
      }
    } catch (CallbackQueueFullException e) {
      fellBehind(session);
      LOG.warning(e.getMessage());
    } catch (SessionEndedException e) {
      behind.remove(session);
    }
  }

  /** Back to diffs: in the group first, so a diff published by another node meanwhile is not missed. */
  private void moveBack(DuplexSession session, Timetable table) {
    groups.join(UP_TO_DATE, session);
    sendWholeTable(session, table);
  }

  private void fellBehind(DuplexSession session) {
    behind.add(session);
    groups.leave(UP_TO_DATE, session);
    groups.join(BEHIND, session);
  }

  @Override
  public void messageDelivered(DuplexSession session) {
    if (behind.contains(session)) {
      synchronized (lock) {
        if (behind.contains(session)) {
          moveBack(session, tableNow());
        }
      }
    }
  }

  /** Every message this service sends is a table update: a refused one leaves its table wrong. */
  @Override
  public void messageRefused(DuplexSession session) {
    fellBehind(session);
  }

  /** The session left its groups when it ended. */
  @Override
  public void sessionEnded(DuplexSession session, SessionEndReason reason) {
    behind.remove(session);
  }
}
