package org.netduplex.redis.internal;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.netduplex.core.internal.RefusalLog;
import org.netduplex.server.internal.DuplexFault;

/**
 * Waits for a store call on the request's thread, and turns Redis being unreachable into the fault
 * every client knows to retry: {@code ndf:ServerTooBusy} (a Receiver fault, HTTP 500), with one log
 * line (rate-limited) instead of a stack trace per request. A {@link StoreLostException} passes
 * through for the store to act on.
 */
final class StoreCalls {
  private static final Logger LOG = Logger.getLogger(RedisSessionStore.class.getName());
  private final Duration bound;
  private final RefusalLog log = new RefusalLog(LOG, 1, System::nanoTime);

  /** {@code commandTimeout}: Lettuce fails a call after it; the wait here is a safety net above it. */
  StoreCalls(Duration commandTimeout) {
    this.bound = commandTimeout.multipliedBy(2).plusMillis(100);
  }

  <T> T await(CompletionStage<T> call) {
    try {
      return call.toCompletableFuture().get(bound.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof StoreLostException lost) {
        throw lost;
      }
      throw unavailable(cause);
    } catch (TimeoutException e) {
      throw unavailable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(e);
    }
  }

  /** The fault for a call Redis did not answer; logs one line (at most one a second). */
  DuplexFault unavailable(Throwable cause) {
    log.log(Level.WARNING, () -> "The Redis session store is unreachable, requests are refused: " + describe(cause));
    return new DuplexFault(DuplexFault.Kind.TOO_MANY_SESSIONS,
        "The duplex session store is unreachable; try again shortly");
  }

  /** Logs a failure of background work (a wake-up's take, a sweep) the same capped way. */
  void backgroundFailed(String what, Throwable cause) {
    log.log(Level.WARNING, () -> "Redis session store: " + what + " failed: " + describe(cause));
  }

  private static String describe(Throwable t) {
    Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
  }
}
