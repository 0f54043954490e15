package org.netduplex.core.internal;

import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The log of refused requests, capped so a flood of bad input cannot fill the disk: a token bucket
 * lets {@code perSecond} lines through each second (bursts up to that many); the lines it holds back
 * are counted, and the next line let through says how many were not logged before it. Thread-safe;
 * the clock is injected. Docs/protocol.md section 16.
 */
public final class RefusalLog {
  /** Refusal lines per second before the rest are counted instead of logged. */
  public static final int DEFAULT_PER_SECOND = 20;
  private static final long SECOND = 1_000_000_000L;

  private final Logger log;
  private final int perSecond;
  private final LongSupplier nanoTime;
  private double tokens;
  private long last;
  private long suppressed;

  public RefusalLog(Logger log, int perSecond, LongSupplier nanoTime) {
    this.log = log;
    this.perSecond = perSecond;
    this.nanoTime = nanoTime;
    this.tokens = perSecond;
    this.last = nanoTime.getAsLong();
  }

  /** The endpoint's log of refusals: {@code org.netduplex.server.Refusals}, 20 lines a second. */
  public static RefusalLog standard() {
    return new RefusalLog(Logger.getLogger("org.netduplex.server.Refusals"), DEFAULT_PER_SECOND, System::nanoTime);
  }

  public Logger logger() {
    return log;
  }

  /** Logs {@code line} at {@code level} unless the cap holds it back; never with a stack trace. */
  public void log(Level level, Supplier<String> line) {
    if (!log.isLoggable(level)) {
      return;
    }
    long held;
    synchronized (this) {
      long now = nanoTime.getAsLong();
      tokens = Math.min(perSecond, tokens + (double) (now - last) * perSecond / SECOND);
      last = now;
      if (tokens < 1) {
        suppressed++;
        return;
      }
      tokens--;
      held = suppressed;
      suppressed = 0;
    }
    if (held > 0) {
      log.log(level, held + " more refused request(s) not logged (over " + perSecond + " lines a second)");
    }
    log.log(level, line);
  }

  public void warning(Supplier<String> line) {
    log(Level.WARNING, line);
  }
}
