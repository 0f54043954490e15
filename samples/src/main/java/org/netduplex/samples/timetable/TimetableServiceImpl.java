package org.netduplex.samples.timetable;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.netduplex.server.CallbackChannels;
import org.netduplex.server.CallbackQueueFullException;
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
 * <p>One lock orders the two, so a client never gets a diff before its whole table, nor a diff its
 * table already contains. Queuing a callback does not block, so holding the lock is cheap. A client
 * whose queue was full missed a diff, so its table is wrong: it gets the whole table again as soon as
 * one of its messages is delivered (its queue has room), or with the next change, whichever is first;
 * until then it gets no diff, since a diff applies only to the table before it.
 */
@jakarta.jws.WebService(
    serviceName = "TimetableService",
    portName = "PollingDuplexHttpBinding_ITimeService",
    targetNamespace = "urn:netduplex:samples:timetable",
    wsdlLocation = "classpath:wsdl/TimetableService.wsdl",
    endpointInterface = "org.netduplex.timetable.ITimeService")
public class TimetableServiceImpl implements ITimeService, DuplexSessionListener {
  private static final Logger LOG = Logger.getLogger(TimetableServiceImpl.class.getName());

  private final Object lock = new Object();
  private final Set<DuplexSession> subscribers = ConcurrentHashMap.newKeySet();
  /** Subscribers that missed a diff (queue full): their table is wrong until they get a whole one. */
  private final Set<DuplexSession> behind = ConcurrentHashMap.newKeySet();
  private Timetable current; // guarded by lock

  TimetableServiceImpl(Timetable initial) {
    this.current = initial;
  }

  @Override
  public void register() {
    DuplexSession caller = CallbackChannels.currentSession();
    synchronized (lock) {
      subscribers.add(caller);
      sendWholeTable(caller, current);
    }
  }

  /** Makes {@code next} the current image and sends subscribers what changed; returns the change. */
  TimetableDiff publish(Timetable next) {
    synchronized (lock) {
      TimetableDiff diff = TimetableDiff.between(current, next);
      current = next;
      if (diff.isEmpty()) {
        return diff;
      }
      List<DuplexSession> upToDate = new ArrayList<>();
      for (DuplexSession s : subscribers) {
        if (behind.contains(s)) {
          sendWholeTable(s, next);
        } else {
          upToDate.add(s);
        }
      }
      RaceUpdate update = diff.toUpdate(false);
      CallbackChannels.broadcast(upToDate, ITimeServiceCallback.class, c -> c.update(update));
      return diff;
    }
  }

  Timetable current() {
    synchronized (lock) {
      return current;
    }
  }

  int subscriberCount() {
    return subscribers.size();
  }

  private void sendWholeTable(DuplexSession session, Timetable table) {
    try {
      session.callback(ITimeServiceCallback.class).update(TimetableDiff.fullTable(table).toUpdate(true));
      behind.remove(session);
    } catch (CallbackQueueFullException e) {
      behind.add(session);
      LOG.warning(e.getMessage());
    } catch (SessionEndedException e) {
      subscribers.remove(session);
    }
  }

  @Override
  public void messageDelivered(DuplexSession session) {
    if (behind.contains(session)) {
      synchronized (lock) {
        if (behind.contains(session) && subscribers.contains(session)) {
          sendWholeTable(session, current);
        }
      }
    }
  }

  @Override
  public void messageRefused(DuplexSession session) {
    if (subscribers.contains(session)) {
      behind.add(session);
    }
  }

  @Override
  public void sessionEnded(DuplexSession session, SessionEndReason reason) {
    subscribers.remove(session);
    behind.remove(session);
  }
}
