package org.netduplex.benchmarks;

/**
 * A server under test or the load generator, answering the runner's commands: over stdin in its own
 * JVM ({@link ControlLoop}), or in-process for the smoke test, with the same commands.
 */
public final class Controlled implements AutoCloseable {
  private final ControlLoop.Commands commands;
  private final Runnable closer;

  /**
   * A server or load generator behind its commands.
   *
   * @param commands answers the runner's commands
   * @param closer stops what the commands control
   */
  public Controlled(ControlLoop.Commands commands, Runnable closer) {
    this.commands = commands;
    this.closer = closer;
  }

  /**
   * Answers one command line, as the child would on stdout.
   *
   * @param line one command
   * @return the reply, without the prefix
   */
  public String answer(String line) {
    return ControlLoop.answer(commands, line);
  }

  ControlLoop.Commands commands() {
    return commands;
  }

  /**
   * Serves commands from stdin until it closes, then closes.
   *
   * @throws java.io.IOException if stdin cannot be read
   */
  public void serveStdin() throws java.io.IOException {
    ControlLoop.run("READY pid=" + ProcessHandle.current().pid(), commands);
    close();
  }

  @Override
  public void close() {
    closer.run();
  }
}
