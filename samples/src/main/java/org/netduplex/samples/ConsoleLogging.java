package org.netduplex.samples;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps CXF's, Jetty's and the client's log lines (service creation at INFO, a stack trace at WARNING
 * for each failed call, each lost contact) off a console's screen: the console says in one line what
 * failed, and a client's {@code ClientListener} prints each change of state.
 */
public final class ConsoleLogging {
  /** Held so the level is not lost when the logger is collected. */
  private static final Logger CXF = Logger.getLogger("org.apache.cxf");
  private static final Logger CLIENT = Logger.getLogger("org.netduplex.client");
  private static final Logger JETTY = Logger.getLogger("org.eclipse.jetty");
  private static final Logger CXF_JETTY = Logger.getLogger("org.apache.cxf.transport.http_jetty.JettyHTTPServerEngine");

  private ConsoleLogging() {}

  /**
   * A sample server's console: its own lines (sessions ended, timetable changes) stay; CXF's and
   * Jetty's start-up lines go, and so does CXF's SEVERE line for a port it could not bind, which the
   * command says itself in one line ({@link PortInUseException}).
   */
  public static void server() {
    CXF.setLevel(Level.WARNING);
    JETTY.setLevel(Level.WARNING);
    CXF_JETTY.setLevel(Level.OFF);
  }

  /** A console client's screen: only what the console prints. */
  public static void quiet() {
    CXF.setLevel(Level.SEVERE);
    CLIENT.setLevel(Level.SEVERE);
  }
}
