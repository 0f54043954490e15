package org.netduplex.redis;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.netduplex.testing.Eventually;

/**
 * A real {@code redis-server} for one test class: a free loopback port, a temp dir, AOF on and no
 * RDB snapshots; {@link #stop} kills it (the AOF stays, {@link #start} again reloads it). Until the
 * shared helper ({@code org.netduplex.testing.RedisServer}) lands, this minimal one serves these tests.
 */
public final class LocalRedis implements AutoCloseable {
  private final Path dir;
  private final int port;
  private Process process;

  private LocalRedis(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  public static LocalRedis start() throws IOException {
    LocalRedis redis = new LocalRedis(Files.createTempDirectory("netduplex-redis"), freePort());
    redis.restart();
    return redis;
  }

  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Starts the server again on the same port and directory (after {@link #stop}). */
  public void restart() throws IOException {
    process = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--dir", dir.toString(), "--save", "", "--appendonly", "yes", "--protected-mode", "no"))
        .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
    Eventually.await("redis-server accepting on " + port, Duration.ofSeconds(10), this::accepting);
  }

  /** Stops the server as an operator would ({@code SHUTDOWN}: the AOF is flushed first) and waits until it is gone. */
  public void shutdown() throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.getOutputStream().write("SHUTDOWN\r\n".getBytes());
      s.getInputStream().read(); // the server closes the connection as it exits
    }
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** Kills the server (SIGKILL: as a crash) and waits until it is gone. */
  public void stop() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
  }

  @Override
  public void close() throws IOException {
    stop();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private boolean accepting() {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.getOutputStream().write("PING\r\n".getBytes());
      return s.getInputStream().read() == '+';
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
