package org.netduplex.samples;

import java.util.regex.Pattern;

/** Text from other people, made safe to print on a terminal. */
public final class ConsoleText {
  /** Line breaks and tabs: become a space, so one event stays one line. */
  private static final Pattern BREAKS = Pattern.compile("[\\t\\n\\r\\u000B\\u000C\\u0085\\u2028\\u2029]+");
  /**
   * Every other control character (C0, DEL, C1: escape sequences, bells, backspaces) and the bidi
   * overrides and isolates, which would reorder what follows them on the line.
   */
  private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069]");

  private ConsoleText() {}

  /** {@code text} without control characters; null stays null. */
  public static String clean(String text) {
    if (text == null) {
      return null;
    }
    return CONTROLS.matcher(BREAKS.matcher(text).replaceAll(" ")).replaceAll("");
  }

  /**
   * Why {@code error} happened, in one line: its message and the deepest cause that says something
   * ("Could not send Message. (Connection refused)").
   */
  public static String reason(Throwable error) {
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    String detail = null;
    Throwable root = error;
    for (Throwable c = error.getCause(); c != null && c != root; c = c.getCause()) {
      root = c;
      if (c.getMessage() != null && !c.getMessage().isBlank()) {
        detail = c.getMessage();
      }
    }
    if (detail == null && root != error) {
      detail = error.getCause().getClass().getSimpleName(); // ConnectException says more than its causes
    }
    return clean(detail == null || message.contains(detail) ? message : message + " (" + detail + ")");
  }
}
