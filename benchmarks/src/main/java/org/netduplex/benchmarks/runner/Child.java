package org.netduplex.benchmarks.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.netduplex.benchmarks.ControlLoop;

/**
 * A child JVM (a server or the load generator) spoken to over its stdin and stdout; its other output
 * goes to a log file. Closing it closes its stdin, which ends it.
 */
final class Child implements AutoCloseable {
  /**
   * Every process of a run gets this many file descriptors (the machine's hard limit), set by the
   * shell that execs it, so no figure depends on the limit the runner itself was started with.
   */
  static final int FD_LIMIT = 20_000;

  private final String name;
  private final Process process;
  private final PrintWriter in;
  private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

  Child(String name, List<String> jvmOptions, String mainClass, List<String> args, Path logDir)
      throws IOException, InterruptedException {
    this.name = name;
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(args);
    Files.createDirectories(logDir);
    Path log = logDir.resolve(name + ".log");
    process = new ProcessBuilder(withFdLimit(command)).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    Thread reader = new Thread(() -> readReplies(log), name + "-stdout");
    reader.setDaemon(true);
    reader.start();
    // Minutes, not seconds: on a loaded 2-core machine several JVMs starting at once take that long.
    String ready;
    try {
      ready = next(300);
    } catch (IOException | InterruptedException e) {
      process.destroyForcibly(); // no one else holds it: it must not outlive a failed start
      throw e;
    }
    if (!ready.startsWith("READY")) {
      process.destroyForcibly();
      throw new IOException(name + " did not start: " + ready + " (see " + log + ")");
    }
  }

  /**
   * {@code command} run by a shell that first sets {@code ulimit -n} to {@link #FD_LIMIT} (or to the
   * hard limit, where that is lower), then execs it: the process keeps the shell's pid.
   */
  static List<String> withFdLimit(List<String> command) {
    List<String> wrapped = new ArrayList<>(List.of("sh", "-c",
        "ulimit -n " + FD_LIMIT + " 2>/dev/null || ulimit -n \"$(ulimit -Hn)\"; exec \"$@\"", "sh"));
    wrapped.addAll(command);
    return wrapped;
  }

  /** The soft limit on open files the child runs with, from {@code /proc/PID/limits}. */
  String fdLimit() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/limits"))) {
        if (line.startsWith("Max open files")) {
          return line.substring("Max open files".length()).trim().split("\\s+")[0];
        }
      }
    } catch (IOException e) {
      // not Linux, or the child ended
    }
    return "unknown";
  }

  /** File descriptors the child has open now, from {@code /proc/PID/fd}; -1 if unknown. */
  long openFds() {
    try (var fds = Files.list(Path.of("/proc/" + process.pid() + "/fd"))) {
      return fds.count();
    } catch (IOException e) {
      return -1;
    }
  }

  String name() {
    return name;
  }

  private void readReplies(Path log) {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        if (line.startsWith(ControlLoop.REPLY)) {
          replies.add(line.substring(ControlLoop.REPLY.length()));
        } else {
          Files.writeString(log, line + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND,
              java.nio.file.StandardOpenOption.CREATE);
        }
      }
    } catch (IOException e) {
      // the child ended
    }
    replies.add("ERR " + name + " ended");
  }

  long pid() {
    return process.pid();
  }

  /** Sends {@code command}; returns the key=value pairs of its {@code OK} reply. */
  Map<String, String> call(String command, long timeoutSeconds) throws IOException, InterruptedException {
    in.println(command);
    String reply = next(timeoutSeconds);
    if (!reply.startsWith("OK")) {
      throw new IOException(name + " answered '" + command + "' with: " + reply);
    }
    Map<String, String> values = new HashMap<>();
    for (String word : reply.split("\\s+")) {
      int eq = word.indexOf('=');
      if (eq > 0) {
        values.put(word.substring(0, eq), word.substring(eq + 1));
      }
    }
    return values;
  }

  Map<String, String> call(String command) throws IOException, InterruptedException {
    return call(command, 60);
  }

  private String next(long timeoutSeconds) throws IOException, InterruptedException {
    String reply = replies.poll(timeoutSeconds, TimeUnit.SECONDS);
    if (reply == null) {
      throw new IOException(name + " gave no answer in " + timeoutSeconds + " s");
    }
    return reply;
  }

  @Override
  public void close() {
    in.println("quit");
    in.close();
    try {
      if (process.waitFor(20, TimeUnit.SECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.destroyForcibly();
  }
}
