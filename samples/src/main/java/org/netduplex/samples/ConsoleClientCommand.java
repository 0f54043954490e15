package org.netduplex.samples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.netduplex.client.DuplexClientConfig;

/**
 * How every console client command runs: CXF's and the client's log lines off the screen, a console
 * connected to the endpoint of {@code --url} in its {@code --profile}, with the server's
 * {@code --poll-timeout}, its first call, then the lines typed until {@code quit} or the end of input;
 * the console closes (and ends its session) at the end.
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
  protected abstract void start(C console, CommandLine line);

  /** The options of every console client, then {@code extra}. */
  protected List<Option> optionsWith(Option... extra) {
    List<Option> options = new ArrayList<>(CommandLine.clientOptions(defaultUrl));
    options.addAll(List.of(extra));
    return options;
  }

  @Override
  public List<Option> options() {
    return optionsWith();
  }

  @Override
  public final void run(CommandLine line) throws IOException {
    ConsoleLogging.quiet();
    run(line, ConsoleSession.stdin(), System.out);
  }

  /** Runs the console on {@code in} and {@code out}: the terminal, or a test's. */
  final void run(CommandLine line, BufferedReader in, PrintStream out) throws IOException {
    URI endpoint = line.endpoint(defaultUrl);
    out.println("Connecting to " + endpoint + " (" + line.profile().description() + ")");
    try (C console = open(endpoint, line.clientConfig(), out)) {
      try {
        start(console, line);
      } catch (RuntimeException e) {
        out.println("Could not register with " + endpoint + ": " + ConsoleText.reason(e));
        return;
      }
      console.run(in);
    }
  }
}
