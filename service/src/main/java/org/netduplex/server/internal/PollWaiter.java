package org.netduplex.server.internal;

/**
 * The transport side of a parked poll: wakes the suspended request so it writes {@code outcome}.
 * Called exactly once, from any thread, never under an engine lock.
 */
@FunctionalInterface
public interface PollWaiter {
  void wake(PollOutcome outcome);
}
