package org.netduplex.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code redis-server} (or {@code redis-sentinel}) from the PATH, on a free loopback port, in
 * its own temporary directory. {@link Builder#start()} returns once it answers {@code PING};
 * {@link #kill9()} kills it without a shutdown (nothing is flushed that the AOF policy did not
 * already write), {@link #restart()} starts it again on the same port and directory (so an AOF
 * brings the data back), and {@link #close()} stops it and deletes the directory. Every process is
 * tracked by {@link ChildProcesses}, so none outlives the test JVM.
 *
 * <pre>{@code
 * try (RedisServer redis = RedisServer.builder().aof(true).start()) {
 *   redis.cli("SET", "k", "v");
 *   redis.kill9();
 *   redis.restart();                 // "k" is back from the AOF
 * }
 * }</pre>
 */
public final class RedisServer implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
  private static final int PORT_ATTEMPTS = 5;

  private final Path dir;
  private final boolean sentinel;
  private final List<String> config;
  private int port;
  private boolean answered; // once: a Sentinel's own rewrites of its file are kept from then on
  private Process process; // guarded by this

  private RedisServer(Builder b) throws IOException {
    this.dir = Files.createTempDirectory(b.sentinel ? "netduplex-sentinel-" : "netduplex-redis-");
    this.sentinel = b.sentinel;
    this.config = List.copyOf(b.config);
  }

  /**
   * A server with AOF off and no extra configuration; set them, then {@link Builder#start()}.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder(false);
  }

  static Builder sentinelBuilder() {
    return new Builder(true);
  }

  /**
   * Whether {@code redis-server}, {@code redis-sentinel} and {@code redis-cli} are on the PATH ({@code .ci/run}
   * installs them from Debian).
   *
   * @return true if all three are there
   */
  public static boolean installed() {
    return onPath("redis-server") && onPath("redis-sentinel") && onPath("redis-cli");
  }

  /**
   * Skips the calling test where Redis is not installed, or fails it if {@code NETDUPLEX_REQUIRE_REDIS=1}
   * (as {@code .ci/run} sets: there the Redis tests are part of the proof).
   */
  public static void assumeInstalled() {
    if (installed()) {
      return;
    }
    String why = "redis-server, redis-sentinel or redis-cli is not on the PATH";
    if ("1".equals(System.getenv("NETDUPLEX_REQUIRE_REDIS"))) {
      org.junit.jupiter.api.Assertions.fail(why + ", and NETDUPLEX_REQUIRE_REDIS=1 says the Redis tests must run");
    }
    org.junit.jupiter.api.Assumptions.abort(why + ": Redis tests skipped (set NETDUPLEX_REQUIRE_REDIS=1 to make this a failure)");
  }

  /**
   * The port this server listens on, on 127.0.0.1; the same across {@link #restart()}.
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  /**
   * The URI Lettuce takes for this server.
   *
   * @return {@code redis://127.0.0.1:<port>}
   */
  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /**
   * The server's working directory (its AOF, its log {@code redis.log}, its config {@code redis.conf}).
   *
   * @return the temporary directory; deleted by {@link #close()}
   */
  public Path dir() {
    return dir;
  }

  /**
   * Whether the process is alive now.
   *
   * @return false after {@link #kill9()} or {@link #stop()}, or if it died on its own
   */
  public synchronized boolean running() {
    return process != null && process.isAlive();
  }

  /**
   * Sends one command over a fresh socket (see {@link RedisCli}).
   *
   * @param args the command and its arguments
   * @return the reply
   * @throws IllegalStateException with Redis's message on an error reply
   * @throws UncheckedIOException if the server does not answer
   */
  public Object cli(String... args) {
    return RedisCli.call(port, args);
  }

  /**
   * One field of {@code INFO}, e.g. {@code info("replication", "role")}.
   *
   * @param section the INFO section
   * @param field the field's name
   * @return its value, or null if the section has no such field
   */
  public String info(String section, String field) {
    for (String line : ((String) cli("INFO", section)).split("\r\n")) {
      if (line.startsWith(field + ":")) {
        return line.substring(field.length() + 1);
      }
    }
    return null;
  }

  /** Kills the process with SIGKILL, as a crashed machine would: no shutdown, no final AOF flush. */
  public synchronized void kill9() {
    if (process != null) {
      ChildProcesses.kill(process);
      process = null;
    }
  }

  /**
   * Starts the server again on the same port and directory (after {@link #kill9()} or {@link #stop()}),
   * and waits for its {@code PING}. With AOF on, it loads what the AOF holds.
   *
   * @throws IllegalStateException if it is running, or does not answer within 10 s
   */
  public synchronized void restart() {
    if (running()) {
      throw new IllegalStateException("redis :" + port + " is still running");
    }
    try {
      launch(port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the process (SIGTERM, then SIGKILL after 5 s) and keeps the directory, so it can {@link #restart()}. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        ChildProcesses.kill(process);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ChildProcesses.forget(process);
    process = null;
  }

  /** Stops the server and deletes its directory. */
  @Override
  public void close() {
    stop();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      // a leftover temporary directory is harmless
    }
  }

  /**
   * The last lines of the server's log and of its standard output (where a bad configuration is
   * reported), to explain a failure.
   *
   * @return up to 15 lines of each
   */
  public String logTail() {
    return tail("redis.log") + "\n" + tail("stdout.log");
  }

  private String tail(String file) {
    try {
      List<String> lines = Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "(no " + file + ")";
    }
  }

  @Override
  public String toString() {
    return (sentinel ? "sentinel :" : "redis :") + port;
  }

  private void startOnFreePort() throws IOException {
    IllegalStateException last = null;
    for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      try {
        launch(freePort());
        return;
      } catch (IllegalStateException e) {
        if (!e.getMessage().contains("Address already in use")) {
          throw e;
        }
        last = e; // another test took the port between our probe and Redis's bind: try another
      }
    }
    throw last;
  }

  private synchronized void launch(int onPort) throws IOException {
    this.port = onPort;
    Path conf = dir.resolve(sentinel ? "sentinel.conf" : "redis.conf");
    if (!sentinel || !answered) { // a Sentinel rewrites its own file with what it learnt: keep that
      Files.write(conf, configLines(onPort), StandardCharsets.UTF_8);
    }
    ProcessBuilder pb = new ProcessBuilder(sentinel ? "redis-sentinel" : "redis-server", conf.toString())
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile()));
    Process started = ChildProcesses.track(pb.start());
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!RedisCli.answersPing(onPort)) {
      if (!started.isAlive() || System.nanoTime() > deadline) {
        ChildProcesses.kill(started);
        throw new IllegalStateException(this + " did not start:\n" + logTail());
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        ChildProcesses.kill(started);
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted starting " + this, e);
      }
    }
    this.process = started;
    this.answered = true;
  }

  private List<String> configLines(int onPort) {
    List<String> lines = new ArrayList<>();
    lines.add("port " + onPort);
    lines.add("bind 127.0.0.1");
    lines.add("dir " + dir);
    lines.add("logfile " + dir.resolve("redis.log"));
    lines.add("daemonize no");
    if (!sentinel) {
      lines.add("save \"\""); // no RDB snapshots: what survives a kill is what the AOF policy says
    }
    lines.addAll(config);
    return lines;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return s.getLocalPort();
    }
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, command))) {
        return true;
      }
    }
    return false;
  }

  /** Settings of a {@link RedisServer}. */
  public static final class Builder {
    private final boolean sentinel;
    private final List<String> config = new ArrayList<>();
    private boolean aofSet;

    private Builder(boolean sentinel) {
      this.sentinel = sentinel;
    }

    /**
     * AOF persistence with {@code appendfsync everysec}, Redis's default policy (default off: a kill
     * then loses everything, as a Redis without persistence does).
     *
     * @param on whether to keep an AOF
     * @return this builder
     */
    public Builder aof(boolean on) {
      if (aofSet) {
        throw new IllegalStateException("aof(...) was set already");
      }
      aofSet = true;
      config.add("appendonly " + (on ? "yes" : "no"));
      if (on) {
        config.add("appendfsync everysec");
      }
      return this;
    }

    /**
     * One more line of {@code redis.conf}, e.g. {@code config("replicaof 127.0.0.1 6390")}.
     *
     * @param line a configuration directive and its arguments
     * @return this builder
     */
    public Builder config(String line) {
      config.add(line);
      return this;
    }

    /**
     * Starts the process on a free loopback port and waits until it answers {@code PING}.
     *
     * @return the running server; close it when done
     * @throws IllegalStateException with the server's log if it does not answer within 10 s
     * @throws IOException if the temporary directory cannot be made
     */
    public RedisServer start() throws IOException {
      RedisServer server = new RedisServer(this);
      try {
        server.startOnFreePort();
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
      return server;
    }
  }
}
