package org.netduplex.server.internal;

import org.netduplex.core.DuplexHeader;
import org.netduplex.core.Scheduler;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.SessionEndReason;

/** What a {@link SessionStore} gets from its engine: the clock, the settings, and the engine's side of its decisions. */
public interface StoreContext {
  /** The engine's clock and timers (a poll's timeout is armed on it). */
  Scheduler scheduler();

  DuplexServerConfig config();

  /** The engine served: a session handle belongs to it. */
  DuplexEngine engine();

  /** A new handle for a session of this store, opened at {@code openedNanos} on the engine's clock. */
  RealDuplexSession newSession(DuplexHeader header, long openedNanos);

  /** Counts a parked poll (the gauge); {@link #pollUnparked} when it leaves, however it leaves. */
  void pollParked();

  void pollUnparked();

  /** Answers a poll empty (its timeout, or a newer poll replaced it), counting it if it was still waiting. */
  void answerEmpty(ParkedPoll poll);

  /**
   * A shared store: another node ended {@code session}; this node drops its references and tells
   * its listener (each node's service may hold the session). Never under a store lock.
   */
  void endedElsewhere(RealDuplexSession session, SessionEndReason reason);
}
