package org.netduplex.samples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.netduplex.testing.Eventually;

/** What a console client printed, for tests to wait on. */
public final class ConsoleOutput {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  public final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  public String text() {
    synchronized (stream) { // PrintStream writes under its own lock
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  /** Waits until a printed line contains {@code fragment}; returns that line. */
  public String awaitLine(String fragment) {
    Eventually.await("a line with '" + fragment + "' in:\n" + text(), Duration.ofSeconds(10),
        () -> text().lines().anyMatch(l -> l.contains(fragment)));
    return text().lines().filter(l -> l.contains(fragment)).findFirst().orElseThrow();
  }
}
