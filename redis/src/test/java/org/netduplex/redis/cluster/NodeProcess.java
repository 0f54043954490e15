package org.netduplex.redis.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.netduplex.testing.ChildProcesses;

/**
 * One {@link ClusterNode} JVM seen from the test: started on a fixed port (so a restart comes back
 * where the balancer expects it), driven through its stdin, its events and replies read from its
 * stdout, its log (stderr) kept in a file. {@link #kill9()} is {@code Process.destroyForcibly()}: SIGKILL.
 */
final class NodeProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final String nodeId;
  private final int port;
  private final List<String> args;
  private final Path log;
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final Map<String, CompletableFuture<String>> replies = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private Process process;
  private PrintStream stdin;

  NodeProcess(String nodeId, int port, List<String> nodeArgs, Path logDir) {
    this.nodeId = nodeId;
    this.port = port;
    this.args = List.copyOf(nodeArgs);
    this.log = logDir.resolve(nodeId + ".log");
  }

  /** Launches the JVM without waiting for it; {@link #awaitReady()} waits. */
  synchronized CompletableFuture<Void> launch() {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"),
        ClusterNode.class.getName(), "--port", String.valueOf(port), "--node-id", nodeId));
    command.addAll(args);
    CompletableFuture<Void> ready = new CompletableFuture<>();
    try {
      process = ChildProcesses.track(new ProcessBuilder(command)
          .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    stdin = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
    Process p = process;
    Thread reader = new Thread(() -> read(p, ready), "node-" + nodeId + "-stdout");
    reader.setDaemon(true);
    reader.start();
    return ready;
  }

  private void read(Process p, CompletableFuture<Void> ready) {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        if (line.startsWith("ready ")) {
          ready.complete(null);
        } else if (line.startsWith("event ")) {
          events.add(line.substring("event ".length()));
        } else if (line.startsWith("reply ")) {
          String[] w = line.split(" ", 4);
          CompletableFuture<String> reply = replies.remove(w[1]);
          if (reply != null) {
            if (w[2].equals("ok")) {
              reply.complete(w.length > 3 ? w[3] : "");
            } else {
              reply.completeExceptionally(new IllegalStateException(nodeId + ": " + (w.length > 3 ? w[3] : line)));
            }
          }
        }
      }
    } catch (IOException e) {
      // the process died
    }
    ready.completeExceptionally(new IllegalStateException(nodeId + " exited before it was ready; log:\n" + logTail()));
    replies.values().forEach(r -> r.completeExceptionally(new IllegalStateException(nodeId + " died")));
  }

  static void awaitReady(List<CompletableFuture<Void>> launched) {
    try {
      CompletableFuture.allOf(launched.toArray(CompletableFuture[]::new)).get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("nodes not ready within " + START_TIMEOUT);
    }
  }

  /** Sends one command; its reply completes the future (exceptionally for {@code err} or the node's death). */
  CompletableFuture<String> command(String verbAndArgs) {
    String id = String.valueOf(ids.incrementAndGet());
    CompletableFuture<String> reply = new CompletableFuture<>();
    replies.put(id, reply);
    synchronized (this) {
      if (process == null || !process.isAlive()) {
        replies.remove(id);
        reply.completeExceptionally(new IllegalStateException(nodeId + " is not running"));
        return reply;
      }
      stdin.println(id + " " + verbAndArgs);
    }
    return reply;
  }

  /** {@link #command} and waits for its reply. */
  String call(String verbAndArgs, Duration max) {
    try {
      return command(verbAndArgs).get(max.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(nodeId + ": no reply to '" + verbAndArgs + "' within " + max);
    }
  }

  /** Kills the JVM with SIGKILL: no shutdown hook, no answer finished, no store cleanup. */
  synchronized void kill9() {
    if (process != null) {
      ChildProcesses.kill(process);
      process = null;
    }
  }

  synchronized boolean running() {
    return process != null && process.isAlive();
  }

  /** The session events this node's listener printed so far ({@code opened <sid>}, {@code ended <sid> <reason>}). */
  List<String> events() {
    return List.copyOf(events);
  }

  String nodeId() {
    return nodeId;
  }

  int port() {
    return port;
  }

  URI address() {
    return ClusterNode.address(port);
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  /** Asks the node to stop (stdin closed), then kills it if it has not within 5 s. */
  @Override
  public synchronized void close() {
    if (process == null) {
      return;
    }
    stdin.close();
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
}
