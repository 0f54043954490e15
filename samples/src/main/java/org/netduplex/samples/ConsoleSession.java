package org.netduplex.samples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.netduplex.client.ClientListener;
import org.netduplex.client.ClientState;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.client.DuplexFaultException;
import org.netduplex.client.PollingDuplexClient;
import org.netduplex.core.NetDuplex;
import org.netduplex.core.Scheduler;
import org.netduplex.core.SystemScheduler;

/**
 * What every console client of the samples is around its own commands: a {@link PollingDuplexClient}
 * whose changes of state, dropped messages and failed callbacks are printed one line each (the
 * server's words through {@link ConsoleText}), and the loop that reads typed lines.
 *
 * <p>A server that restarted has forgotten the session: its answer ({@code ndf:UnknownAddress}, or
 * {@code ndf:SessionEnded} from a server stopping) faults the client, and a faulted client is not
 * revived. The console says so in plain words, builds a new client (a new session) and runs its first
 * call again ({@link #whenRenewed}), retrying with the client's backoff while the server is down.
 *
 * @param <S> the service contract
 */
public final class ConsoleSession<S> implements ClientListener, AutoCloseable {
  /** The faults that say the server no longer knows this session. */
  private static final Set<String> FORGOTTEN = Set.of("UnknownAddress", "SessionEnded");

  private final PrintStream out;
  private final String shown;
  private final DuplexClientConfig config;
  private final Supplier<PollingDuplexClient<S>> clients;
  private final AtomicBoolean renewing = new AtomicBoolean();
  private volatile PollingDuplexClient<S> client;
  private volatile String whenFaulted;
  private volatile Runnable firstCall;
  private volatile boolean quiet;
  private volatile boolean closed;
  private SystemScheduler ownedScheduler; // guarded by this

  /**
   * A client of {@code url} whose callbacks go to {@code callback}; {@code shown} names what one
   * callback shows ("an event"), for the line printed when one fails.
   */
  public <C> ConsoleSession(URI url, DuplexClientConfig config, PrintStream out, Class<S> service,
      Class<C> callbackContract, C callback, String shown) {
    this.out = out;
    this.shown = shown;
    this.config = config;
    this.clients = () -> PollingDuplexClient.builder(url)
        .callback(callbackContract, callback)
        .listener(this)
        .config(config)
        .build(service);
    this.client = clients.get();
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

  /**
   * The call that makes a new session useful (registering, joining again), run on a new client after
   * the server forgot the old session; it throws if the server could not be reached.
   */
  public ConsoleSession<S> whenRenewed(Runnable firstCall) {
    this.firstCall = firstCall;
    return this;
  }

  /** Prints no more changes of state: the user is leaving, what happens to the session is not news. */
  public void quiet() {
    quiet = true;
  }

  /** The proxy of the service (of the current session): each call is one request. */
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
    if (to == ClientState.FAULTED && firstCall != null && forgotten(cause)) {
      if (renewing.compareAndSet(false, true)) {
        out.println("The server has ended this session (it restarted or is stopping); starting a new one.");
        renewAfter(Duration.ZERO, 0);
      }
      return;
    }
    if (to == ClientState.CONNECTING && cause != null) {
      out.println("[connecting] No answer from the server (" + ConsoleText.reason(cause) + "); trying again.");
      return;
    }
    out.println("[" + to.name().toLowerCase(Locale.ROOT) + "]" + (cause != null ? " " + ConsoleText.reason(cause) : ""));
    String advice = whenFaulted;
    if (to == ClientState.FAULTED && advice != null) {
      out.println(advice);
    }
  }

  /** Whether {@code cause} says the server no longer knows the session. */
  static boolean forgotten(Throwable cause) {
    return cause instanceof DuplexFaultException f && NetDuplex.FAULTS_NS.equals(f.code().getNamespaceURI())
        && FORGOTTEN.contains(f.code().getLocalPart());
  }

  private void renewAfter(Duration delay, int attempt) {
    Scheduler scheduler = scheduler();
    if (scheduler != null) {
      scheduler.schedule(() -> renew(attempt), delay);
    }
  }

  /** A new client, and its first call; while the server is down, again after the client's backoff. */
  private void renew(int attempt) {
    if (closed || quiet) {
      return;
    }
    PollingDuplexClient<S> fresh = clients.get();
    PollingDuplexClient<S> old;
    synchronized (this) {
      if (closed) {
        fresh.close();
        return;
      }
      old = client;
      client = fresh;
    }
    old.close();
    try {
      firstCall.run();
      renewing.set(false);
      out.println("New session started.");
    } catch (RuntimeException e) {
      if (attempt == 0) {
        out.println("Waiting for the server: " + ConsoleText.reason(e));
      }
      long doubled = config.initialBackoff().toMillis() << Math.min(attempt, 20);
      renewAfter(Duration.ofMillis(Math.min(doubled, config.maxBackoff().toMillis())), attempt + 1);
    }
  }

  /** The scheduler of renewals: the client's, or a thread of this console's once needed; null once closed. */
  private synchronized Scheduler scheduler() {
    if (closed) {
      return null;
    }
    if (config.scheduler() != null) {
      return config.scheduler();
    }
    if (ownedScheduler == null) {
      ownedScheduler = new SystemScheduler("console-renewal", 1);
    }
    return ownedScheduler;
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
    PollingDuplexClient<S> last;
    synchronized (this) {
      closed = true;
      if (ownedScheduler != null) {
        ownedScheduler.close();
      }
      last = client;
    }
    last.close();
  }
}
