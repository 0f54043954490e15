package org.netduplex.core;

/** A scheduled task that can be called off. Cancelling twice, or after it ran, does nothing. */
@FunctionalInterface
public interface Cancellable {
  /** Calls the task off if it has not run yet; safe to call from any thread, any number of times. */
  void cancel();
}
