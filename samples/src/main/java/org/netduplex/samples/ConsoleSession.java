package org.netduplex.samples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Predicate;
import org.netduplex.client.ClientListener;
import org.netduplex.client.ClientState;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.client.PollingDuplexClient;

/**
 * What every console client of the samples is around its own commands: a {@link PollingDuplexClient}
 * whose changes of state, dropped messages and failed callbacks are printed one line each (the
 * server's words through {@link ConsoleText}), and the loop that reads typed lines.
 *
 * @param <S> the service contract
 */
public final class ConsoleSession<S> implements ClientListener, AutoCloseable {
  private final PrintStream out;
  private final String shown;
  private final PollingDuplexClient<S> client;
  private volatile String whenFaulted;
  private volatile boolean quiet;

  /**
   * A client of {@code url} whose callbacks go to {@code callback}; {@code shown} names what one
   * callback shows ("an event"), for the line printed when one fails.
   */
  public <C> ConsoleSession(URI url, DuplexClientConfig config, PrintStream out, Class<S> service,
      Class<C> callbackContract, C callback, String shown) {
    this.out = out;
    this.shown = shown;
    this.client = PollingDuplexClient.builder(url)
        .callback(callbackContract, callback)
        .listener(this)
        .config(config)
        .build(service);
  }

  /** Standard input as lines of UTF-8 text, for {@link #readLines}. */
  public static BufferedReader stdin() {
    return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
  }

  /**
   * Passes each line typed (stripped) to {@code handle} until it returns false (the user quit) or the
   * input ends.
   */
  public static void readLines(BufferedReader in, Predicate<String> handle) throws IOException {
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (!handle.test(line.strip())) {
        return;
      }
    }
  }

  /** A line printed after {@code [faulted]}: what the user can do now. */
  public ConsoleSession<S> whenFaulted(String advice) {
    this.whenFaulted = advice;
    return this;
  }

  /** Prints no more changes of state: the user is leaving, what happens to the session is not news. */
  public void quiet() {
    quiet = true;
  }

  /** The proxy of the service: each call is one request. */
  public S service() {
    return client.service();
  }

  public ClientState state() {
    return client.state();
  }

  @Override
  public void stateChanged(ClientState from, ClientState to, Throwable cause) {
    if (quiet) {
      return;
    }
    out.println("[" + to.name().toLowerCase(Locale.ROOT) + "]" + (cause != null ? " " + ConsoleText.reason(cause) : ""));
    String advice = whenFaulted;
    if (to == ClientState.FAULTED && advice != null) {
      out.println(advice);
    }
  }

  @Override
  public void messageRejected(String reason, Throwable cause) {
    out.println("[dropped a message: " + reason + "]");
  }

  @Override
  public void callbackFailed(String operation, Throwable error) {
    out.println("[could not show " + shown + ": " + error + "]");
  }

  /** Ends the session: the client tells the server. */
  @Override
  public void close() {
    client.close();
  }
}
