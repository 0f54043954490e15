package org.netduplex.samples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.Map;
import org.netduplex.client.DuplexClientConfig;

/**
 * How every console client command runs: CXF's and the client's log lines off the screen, a console
 * connected to {@code --url} with the server's {@code --poll-timeout}, its first call, then the lines
 * typed until {@code quit} or the end of input; the console closes (and ends its session) at the end.
 *
 * @param <C> the console
 */
public abstract class ConsoleClientCommand<C extends ConsoleClientCommand.Console> implements Command {
  /** A console client: reads what the user types, and ends its session when closed. */
  public interface Console extends AutoCloseable {
    void run(BufferedReader in) throws IOException;

    @Override
    void close();
  }

  private final String defaultUrl;

  protected ConsoleClientCommand(String defaultUrl) {
    this.defaultUrl = defaultUrl;
  }

  /** A console of the service at {@code url}, printing to {@code out}. */
  protected abstract C open(URI url, DuplexClientConfig config, PrintStream out);

  /** The console's first call, before the user types (registering, joining); throws if it failed. */
  protected abstract void start(C console, Map<String, String> options);

  @Override
  public final void run(Map<String, String> options) throws IOException {
    ConsoleLogging.quiet();
    CommandLine line = new CommandLine(options);
    URI url = line.url(defaultUrl);
    try (C console = open(url, line.clientConfig(), System.out)) {
      try {
        start(console, options);
      } catch (RuntimeException e) {
        System.out.println("Could not register with " + url + ": " + ConsoleText.reason(e));
        return;
      }
      console.run(ConsoleSession.stdin());
    }
  }
}
