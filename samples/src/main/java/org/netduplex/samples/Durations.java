package org.netduplex.samples;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Parses command-line durations: {@code 500ms}, {@code 15s}, {@code 10m}, {@code 1h} or ISO-8601. */
public final class Durations {
  private Durations() {}

  public static Duration parse(String text) {
    String t = text.trim().toLowerCase();
    try {
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      if (t.endsWith("s") && !t.startsWith("p")) {
        return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
      }
      if (t.endsWith("m") && !t.startsWith("p")) {
        return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
      }
      if (t.endsWith("h") && !t.startsWith("p")) {
        return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
      }
      return Duration.parse(text.trim());
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException("Not a duration: " + text + " (use 500ms, 15s, 10m, 1h or PT15S)");
    }
  }
}
