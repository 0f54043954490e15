package org.netduplex.server.internal;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.netduplex.core.DuplexHeader;

/**
 * Session id → session and address → mailbox, plus a bounded memory of ended session ids so that a
 * late call naming one gets "session ended" instead of silently opening a new session.
 */
final class SessionRegistry {
  private final ConcurrentHashMap<String, RealDuplexSession> sessions = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Mailbox> mailboxes = new ConcurrentHashMap<>();
  private final Map<String, Boolean> endedIds;
  private final AtomicInteger openCount = new AtomicInteger();
  private final int maxSessions;

  SessionRegistry(int maxSessions) {
    this.maxSessions = maxSessions;
    int remembered = Math.max(1_024, maxSessions);
    this.endedIds = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > remembered;
      }
    });
  }

  RealDuplexSession get(String sessionId) {
    return sessions.get(sessionId);
  }

  Mailbox mailbox(String address) {
    return mailboxes.get(address);
  }

  boolean hasEnded(String sessionId) {
    return endedIds.containsKey(sessionId);
  }

  /**
   * Opens the session {@code header} names. Returns the existing session instead if another thread
   * opened it first; the caller tells them apart by identity with what {@link #get} returned.
   */
  RealDuplexSession open(DuplexHeader header, Function<Mailbox, RealDuplexSession> factory,
      Function<String, Mailbox> mailboxFactory) {
    if (openCount.incrementAndGet() > maxSessions) {
      openCount.decrementAndGet();
      throw new DuplexFault(DuplexFault.Kind.TOO_MANY_SESSIONS,
          "The server has the maximum number of duplex sessions open (" + maxSessions + ")");
    }
    while (true) {
      Mailbox mailbox = mailboxes.computeIfAbsent(header.address(), mailboxFactory);
      RealDuplexSession candidate = factory.apply(mailbox);
      RealDuplexSession existing = sessions.putIfAbsent(header.sessionId(), candidate);
      if (existing != null) {
        openCount.decrementAndGet();
        return existing;
      }
      if (mailbox.attach(candidate)) {
        return candidate;
      }
      // The mailbox closed between lookup and attach (its last session just ended): retry.
      sessions.remove(header.sessionId(), candidate);
      mailboxes.remove(header.address(), mailbox);
    }
  }

  /** Forgets an ended session; drops its mailbox if that closed too. */
  void remove(RealDuplexSession session, boolean mailboxClosed) {
    endedIds.put(session.id(), Boolean.TRUE);
    if (sessions.remove(session.id(), session)) {
      openCount.decrementAndGet();
    }
    if (mailboxClosed) {
      mailboxes.remove(session.address(), session.mailbox);
    }
  }

  Collection<RealDuplexSession> all() {
    return sessions.values();
  }

  int size() {
    return openCount.get();
  }
}
