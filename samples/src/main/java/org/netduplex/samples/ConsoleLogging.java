package org.netduplex.samples;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps CXF's and the client's log lines (service creation at INFO, a stack trace at WARNING for each
 * failed call, each lost contact) off a console client's screen: the console says in one line what
 * failed, and its {@code ClientListener} prints each change of state.
 */
public final class ConsoleLogging {
  /** Held so the level is not lost when the logger is collected. */
  private static final Logger CXF = Logger.getLogger("org.apache.cxf");
  private static final Logger CLIENT = Logger.getLogger("org.netduplex.client");

  private ConsoleLogging() {}

  public static void quiet() {
    CXF.setLevel(Level.SEVERE);
    CLIENT.setLevel(Level.SEVERE);
  }
}
