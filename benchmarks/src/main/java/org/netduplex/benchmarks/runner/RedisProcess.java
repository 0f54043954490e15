package org.netduplex.benchmarks.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A {@code redis-server} for one phase, started as a cluster's Redis would run: a free loopback port,
 * its own directory, append-only file with {@code appendfsync everysec} (a node killed loses nothing
 * acknowledged, a Redis killed at most a second), no RDB snapshots (a fork of a large dataset in the
 * middle of a window would be its own figure), and the same file descriptor limit as every JVM of the
 * run. Spoken to with inline commands over a socket: {@code PING} to wait for it, {@code INFO memory}.
 */
final class RedisProcess implements AutoCloseable {
  private final Path dir;
  private final int port;
  private final Process process;

  private RedisProcess(Path dir, int port, Process process) {
    this.dir = dir;
    this.port = port;
    this.process = process;
  }

  /** Whether {@code redis-server} runs here: the nodes suite and its smoke test need it. */
  static boolean installed() {
    try {
      Process p = new ProcessBuilder("redis-server", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Starts one in a fresh directory under {@code parent}; returns once it answers PING (at most 20 s). */
  static RedisProcess start(Path parent) throws IOException, InterruptedException {
    Files.createDirectories(parent);
    Path dir = Files.createTempDirectory(parent, "redis-");
    int port = freePort();
    List<String> command = Child.withFdLimit(List.of("redis-server", "--port", Integer.toString(port),
        "--bind", "127.0.0.1", "--dir", dir.toString(), "--save", "", "--appendonly", "yes",
        "--appendfsync", "everysec", "--protected-mode", "no", "--maxclients", "10000"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("redis.log").toFile()).start();
    RedisProcess redis = new RedisProcess(dir, port, process);
    long end = System.nanoTime() + 20_000_000_000L;
    while (true) {
      try {
        if (redis.command("PING").startsWith("+PONG")) {
          return redis;
        }
      } catch (IOException e) {
        if (System.nanoTime() > end || !process.isAlive()) {
          redis.close();
          throw new IOException("redis-server did not answer on " + port + " (see " + dir.resolve("redis.log") + ")", e);
        }
      }
      Thread.sleep(50);
    }
  }

  String uri() {
    return "redis://127.0.0.1:" + port;
  }

  long pid() {
    return process.pid();
  }

  /** {@code used_memory} of {@code INFO memory}: bytes Redis's allocator holds for the data. */
  long usedMemory() throws IOException {
    for (String line : command("INFO memory").split("\r\n")) {
      if (line.startsWith("used_memory:")) {
        return Long.parseLong(line.substring("used_memory:".length()).trim());
      }
    }
    throw new IOException("no used_memory in INFO memory");
  }

  /** One inline command; the whole reply (a bulk string's length line included). */
  private String command(String line) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      StringBuilder reply = new StringBuilder();
      byte[] buffer = new byte[8192];
      // A simple reply ends at its first CRLF; a bulk one ($LEN CRLF body CRLF) at LEN bytes after that.
      for (int n; (n = in.read(buffer)) > 0; ) {
        reply.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
        if (complete(reply)) {
          return reply.toString();
        }
      }
      throw new IOException("Redis closed the connection after: " + reply);
    }
  }

  private static boolean complete(StringBuilder reply) {
    int firstLine = reply.indexOf("\r\n");
    if (firstLine < 0) {
      return false;
    }
    if (reply.charAt(0) != '$') {
      return true;
    }
    int length = Integer.parseInt(reply.substring(1, firstLine));
    return length < 0 || reply.length() >= firstLine + 2 + length + 2;
  }

  @Override
  public void close() {
    process.destroy(); // SIGTERM: Redis flushes its AOF and exits
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).filter(p -> !p.getFileName().toString().equals("redis.log"))
          .forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // leave what cannot be deleted; it is under the run's output directory
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
