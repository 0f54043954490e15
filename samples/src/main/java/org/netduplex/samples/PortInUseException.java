package org.netduplex.samples;

import java.net.BindException;

/** A sample server could not listen: another process has its port. */
public final class PortInUseException extends RuntimeException {
  /** {@code failure} as a PortInUseException if binding {@code port} is what failed, else itself. */
  public static RuntimeException orElse(int port, RuntimeException failure) {
    for (Throwable c = failure; c != null; c = c.getCause()) {
      if (c instanceof BindException) {
        return new PortInUseException(port, c);
      }
    }
    return failure;
  }

  private PortInUseException(int port, Throwable cause) {
    super("port " + port + " is in use: " + ConsoleText.reason(cause)
        + " (stop what holds it, or choose another with --port)", cause);
  }
}
