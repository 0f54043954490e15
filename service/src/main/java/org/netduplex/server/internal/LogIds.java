package org.netduplex.server.internal;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Session ids and client addresses as the server logs them: shortened to their first characters,
 * since either one lets a reader act as that client (the samples' status page hides them too). The
 * full value is logged only where FINE is on, for debugging.
 */
public final class LogIds {
  /** Enough to tell sessions apart in a log, too little to guess a GUID. */
  static final int SHOWN = 8;

  private LogIds() {}

  /**
   * The first {@value #SHOWN} characters of {@code id} and an ellipsis; never the whole id, however
   * short: an id of up to twice that length shows its first half only.
   */
  public static String brief(String id) {
    return id.substring(0, Math.min(SHOWN, id.length() / 2)) + "…";
  }

  /** An anonymous address ({@code …?id=<GUID>}) shortened to the start of its id. */
  public static String briefAddress(String address) {
    int id = address.lastIndexOf('=');
    return "…" + (id < 0 ? brief(address) : "id=" + brief(address.substring(id + 1)));
  }

  /** {@code id} in full if {@code log} logs FINE, else {@link #brief shortened}. */
  public static String forLog(Logger log, String id) {
    return log.isLoggable(Level.FINE) ? id : brief(id);
  }
}
