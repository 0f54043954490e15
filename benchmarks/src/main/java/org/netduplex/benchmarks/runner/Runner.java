package org.netduplex.benchmarks.runner;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.netduplex.benchmarks.Kind;
import org.netduplex.benchmarks.Padding;
import org.netduplex.benchmarks.load.LoadMain;
import org.netduplex.benchmarks.server.ServerMain;

/**
 * Runs the comparison: each server in its own JVM with the same heap, threads and connector, driven by
 * one load generator JVM. Each repeat runs every phase for the three servers back to back, in an order
 * that rotates from repeat to repeat; each phase starts a fresh server and load generator, so no phase
 * inherits another's sessions. See BENCHMARK.md for the method.
 */
final class Runner {
  /** The same for every server and the load generator. */
  private static final List<String> JVM = List.of("-Xmx2g", "-XX:+UseG1GC");
  private static final double KIB = 1024;
  private static final double MIB = 1024 * 1024;

  private final Profile profile;
  private final Path out;
  private final Kind profiled;
  private final List<Kind> only;
  private final boolean binary;
  private final Results results = new Results();
  private final List<String> failures = new ArrayList<>();
  private int repeat;
  /** NetDuplex's one-message-per-poll throughput in this repeat, for the streamed ratio. */
  private double onePerPollRate = Double.NaN;

  Runner(Profile profile, Path out, Kind profiled, List<Kind> only, boolean binary) {
    this.only = only;
    this.binary = binary;
    this.profile = profile;
    this.out = out;
    this.profiled = profiled;
  }

  /** Runs every repeat; returns the Markdown report (also written to {@code out}). */
  String run() throws Exception {
    return report("NetDuplex vs CometD 8 vs raw Jetty 12", () -> {
      List<Kind> order = rotated(repeat).stream().filter(only::contains).toList();
      log("repeat " + (repeat + 1) + " of " + profile.repeats() + ", order " + order);
      for (Kind k : order) {
        attempt(k, "parked", () -> parked(k));
      }
      for (Kind k : order) {
        attempt(k, "single", () -> onePerPollAndRates(k, true));
      }
      for (Kind k : profile.batchCredit() == 0 ? List.<Kind>of() : order) {
        attempt(k, "batched", () -> batched(k));
      }
      // Only NetDuplex streams a batch answer (docs/protocol.md section 19): CometD's long polling and
      // the raw handler answer each poll at once, which the batched rows measure.
      attempt(Kind.NETDUPLEX, "streamed", this::streamed);
    }, () -> results.note("issue #14: in-memory vs Redis nodes", "to come: --suite nodes"));
  }

  /**
   * Only what the streamed target compares (suite {@code streamed}, BENCHMARK.md): NetDuplex's
   * one-message-per-poll throughput (no latency rates), its batched and its streamed rows.
   */
  String runStreamed() throws Exception {
    return report("NetDuplex streamed batches", () -> {
      log("repeat " + (repeat + 1) + " of " + profile.repeats());
      attempt(Kind.NETDUPLEX, "single", () -> onePerPollAndRates(Kind.NETDUPLEX, false));
      attempt(Kind.NETDUPLEX, "batched", () -> batched(Kind.NETDUPLEX));
      attempt(Kind.NETDUPLEX, "streamed", this::streamed);
    }, () -> { });
  }

  /** Runs {@code repeatBody} once per repeat, then {@code notes}; returns and writes the report. */
  private String report(String title, Phase repeatBody, Runnable notes) throws Exception {
    String started = Instant.now() + ", load average " + Machine.loadAverage();
    for (repeat = 0; repeat < profile.repeats(); repeat++) {
      repeatBody.run();
    }
    notes.run();
    String report = "# " + title + " (" + profile.name() + ", " + profile.repeats()
        + " repeat" + (profile.repeats() == 1 ? "" : "s") + (binary ? ", NetDuplex in msbin1" : "")
        + (only.size() < Kind.values().length ? ", only " + only : "") + ")\n\n" + Machine.describe() + "\n"
        + "Started " + started + "; ended " + Instant.now() + ", load average " + Machine.loadAverage() + ".\n\n"
        + results.markdown()
        + (failures.isEmpty() ? "" : "\nFailed phases (their figures are missing):\n\n" + String.join("\n", failures) + "\n");
    Files.createDirectories(out);
    Files.writeString(out.resolve("results.md"), report);
    Files.writeString(out.resolve("results.tsv"), results.tsv());
    return report;
  }

  private interface Phase {
    void run() throws Exception;
  }

  /** Runs one phase; a phase that fails (a server that ran out of file descriptors) leaves its figures out. */
  private void attempt(Kind kind, String phase, Phase body) {
    try {
      body.run();
    } catch (Exception e) {
      String failure = "- " + kind + " " + phase + ", repeat " + (repeat + 1) + ": " + e.getMessage();
      failures.add(failure);
      log("FAILED " + failure);
    }
  }

  private static List<Kind> rotated(int repeat) {
    List<Kind> order = new ArrayList<>(List.of(Kind.values()));
    java.util.Collections.rotate(order, -repeat);
    return order;
  }

  /** Heap, RSS and threads with sessions parked, and broadcasts, while ramping up. */
  private void parked(Kind kind) throws Exception {
    try (Peer peer = start(kind, "parked")) {
      double idleHeap = Double.parseDouble(peer.server.call("stats", 120).get("heap"));
      Map<Integer, Integer> broadcasts = new java.util.HashMap<>(); // a size broadcast again gets its own rows
      for (Profile.Step step : profile.parkedSteps()) {
        peer.open(step.sessions() - peer.sessions, 0);
        if (step.footprint()) {
          Map<String, String> s = peer.server.call("stats", 120);
          int n = step.sessions();
          add("heap per parked session, " + n + " parked", "KB", kind,
              (Double.parseDouble(s.get("heap")) - idleHeap) / n / KIB);
          add("RSS, " + n + " parked", "MiB", kind, Double.parseDouble(s.get("rss")) / MIB);
          add("Java threads, " + n + " parked", "", kind, Double.parseDouble(s.get("threads")));
          add("OS threads, " + n + " parked", "", kind, Double.parseDouble(s.get("osThreads")));
        }
        if (step.broadcast()) {
          peer.load.call("bcastreset");
          long cpu0 = CpuTime.nanos(peer.server.pid());
          peer.server.call("broadcast", 120);
          Map<String, String> b = peer.load.call("bcastawait " + step.sessions() + " 120000", 130);
          long cpu = CpuTime.nanos(peer.server.pid()) - cpu0;
          int nth = broadcasts.merge(step.sessions(), 1, Integer::sum);
          String which = "broadcast to " + step.sessions() + (nth == 1 ? "" : " (#" + nth + ")");
          int received = Integer.parseInt(b.get("received"));
          double lastMillis = Double.parseDouble(b.get("slowest")) / 1e6;
          add(which + ", last client", "ms", kind,
              received == step.sessions() ? lastMillis : Double.NaN);
          // Until the last client has it: the answers, and the polls the clients send again meanwhile.
          add(which + ", server CPU per session", "µs", kind,
              received == step.sessions() ? cpu / 1e3 / step.sessions() : Double.NaN);
          peer.awaitParked(step.sessions()); // every client polls again before the next step
        }
      }
    }
  }

  /** One message per poll (credit 1), then ({@code rates}) latency at fixed offered rates, on the same sessions. */
  private void onePerPollAndRates(Kind kind, boolean rates) throws Exception {
    try (Peer peer = start(kind, "single")) {
      peer.open(profile.loadSessions(), 0);
      peer.warmUp("credit 1");
      Window w = peer.measure("credit 1");
      add("one message per poll: delivered msg/s", "msg/s", kind, w.arrivedPerSecond());
      if (kind == Kind.NETDUPLEX) {
        onePerPollRate = w.arrivedPerSecond();
      }
      add("one message per poll: server CPU per message", "µs", kind, w.serverMicrosPerMessage());
      add("one message per poll: load generator CPU per message", "µs", kind, w.loadMicrosPerMessage());
      add("one-message answer body", "bytes", kind, Double.parseDouble(w.report.get("answerBytes")));
      for (int rate : rates ? profile.rates() : List.<Integer>of()) {
        Window r = peer.measure("rate " + rate);
        add("p50 at " + rate + " msg/s offered", "ms", kind, r.millis("p50"));
        add("p99 at " + rate + " msg/s offered", "ms", kind, r.millis("p99"));
        add("p99.9 at " + rate + " msg/s offered", "ms", kind, r.millis("p999"));
        add("not arrived 30 s after the last send at " + rate + " msg/s", "msgs", kind, r.missing());
      }
    }
  }

  /** Up to {@code batchCredit} messages queued per session, clients asking for batches. */
  private void batched(Kind kind) throws Exception {
    try (Peer peer = start(kind, "batched")) {
      peer.open(profile.loadSessions(), 1);
      peer.warmUp("credit " + profile.batchCredit());
      Window w = peer.measure("credit " + profile.batchCredit());
      String measure = "batched (" + profile.batchCredit() + " queued per session): ";
      add(measure + "delivered msg/s", "msg/s", kind, w.arrivedPerSecond());
      add(measure + "server CPU per message", "µs", kind, w.serverMicrosPerMessage());
      add(measure + "messages per poll answer", "", kind, w.arrived() / Double.parseDouble(w.report.get("answers")));
    }
  }

  /**
   * As {@link #batched}, NetDuplex's clients asking for streamed answers: an answer stays open for
   * the server's window (200 ms) or its size bound, and a credit that comes back as a message is
   * written lets the producer send the next into the same answer.
   */
  private void streamed() throws Exception {
    try (Peer peer = start(Kind.NETDUPLEX, "streamed")) {
      peer.open(profile.loadSessions(), 2);
      peer.warmUp("credit " + profile.batchCredit());
      Window w = peer.measure("credit " + profile.batchCredit());
      String measure = "streamed (" + profile.batchCredit() + " queued per session): ";
      add(measure + "delivered msg/s", "msg/s", Kind.NETDUPLEX, w.arrivedPerSecond());
      add(measure + "server CPU per message", "µs", Kind.NETDUPLEX, w.serverMicrosPerMessage());
      add(measure + "messages per poll answer", "", Kind.NETDUPLEX, w.arrived() / Double.parseDouble(w.report.get("answers")));
      // The issue's target is against NetDuplex's own one-per-poll throughput of the same repeat.
      add("streamed / one message per poll, delivered msg/s", "×", Kind.NETDUPLEX, w.arrivedPerSecond() / onePerPollRate);
    }
  }

  private void add(String measure, String unit, Kind kind, double value) {
    results.add(measure, unit, kind, repeat, value);
    log(kind + " " + measure + " = " + value + " " + unit);
  }

  private Peer start(Kind kind, String phase) throws Exception {
    String name = kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + phase + "-r" + (repeat + 1);
    int port = freePort();
    List<String> jvm = new ArrayList<>(JVM);
    if (kind == profiled) {
      jvm.add("-XX:StartFlightRecording=settings=profile,filename=" + out.resolve(name + ".jfr").toAbsolutePath());
    }
    Child server = new Child(name, jvm, ServerMain.class.getName(),
        List.of(kind.name(), Integer.toString(port), Integer.toString(Padding.of(kind))), out.resolve("logs"));
    try {
      List<String> loadJvm = new ArrayList<>(JVM);
      if (binary) {
        loadJvm.add("-D" + LoadMain.BINARY_PROPERTY + "=true");
      }
      Child load = new Child("load-" + name, loadJvm, LoadMain.class.getName(), List.of(), out.resolve("logs"));
      return new Peer(kind, port, server, load);
    } catch (IOException e) {
      server.close();
      throw e;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static void log(String line) {
    System.err.println("[bench " + Instant.now() + "] " + line);
  }

  /** What one measured window gave. */
  private record Window(Map<String, String> report, long serverCpuNanos, long loadCpuNanos, long missing) {
    double seconds() {
      return Double.parseDouble(report.get("windowNanos")) / 1e9;
    }

    double arrived() {
      return Double.parseDouble(report.get("arrived"));
    }

    double arrivedPerSecond() {
      return arrived() / seconds();
    }

    double serverMicrosPerMessage() {
      return serverCpuNanos / 1e3 / arrived();
    }

    double loadMicrosPerMessage() {
      return loadCpuNanos / 1e3 / arrived();
    }

    double millis(String percentile) {
      double nanos = Double.parseDouble(report.get(percentile));
      return nanos < 0 ? Double.NaN : nanos / 1e6;
    }
  }

  /** A server under test and its load generator, for one phase. */
  private final class Peer implements AutoCloseable {
    final Kind kind;
    final int port;
    final Child server;
    final Child load;
    int sessions;
    /** Messages the server sent to single sessions since the phase started. */
    long sent;

    Peer(Kind kind, int port, Child server, Child load) {
      this.kind = kind;
      this.port = port;
      this.server = server;
      this.load = load;
    }

    /** {@code answers}: 0 one message per poll, 1 batches, 2 streamed batches (NetDuplex). */
    void open(int count, int answers) throws Exception {
      Map<String, String> r = load.call("open " + kind + " " + port + " " + count + " " + answers, 600);
      sessions += count;
      if (!"0".equals(r.get("failed"))) {
        throw new IOException(kind + ": " + r.get("failed") + " of " + count + " sessions failed to open: "
            + load.call("state"));
      }
      awaitParked(sessions);
    }

    /**
     * Until every client has a poll in flight and, where the server counts them, the server holds that
     * many parked polls (at most 2 minutes), then one more second. CometD does not count parked polls:
     * for it the wait is for the clients' side only, plus 3 s.
     */
    void awaitParked(int count) throws Exception {
      long end = System.nanoTime() + 120_000_000_000L;
      while (System.nanoTime() < end) {
        int inFlight = Integer.parseInt(load.call("state").get("inFlight"));
        int parked = Integer.parseInt(server.call("parked").get("parked"));
        if (inFlight >= count && (parked < 0 || parked >= count)) {
          Thread.sleep(parked < 0 ? 3_000 : 1_000);
          return;
        }
        Thread.sleep(200);
      }
      throw new IOException(kind + ": " + count + " polls not parked after 2 minutes: " + load.call("state")
          + " " + server.call("parked"));
    }

    /** Starts the producer, warms up, measures one window, stops, waits for every message sent. */
    Window measure(String producer) throws Exception {
      server.call(producer);
      Thread.sleep(profile.warmupSeconds() * 1_000L);
      long server0 = CpuTime.nanos(server.pid());
      long load0 = CpuTime.nanos(load.pid());
      load.call("mark");
      Thread.sleep(profile.windowSeconds() * 1_000L);
      load.call("endmark");
      long serverCpu = CpuTime.nanos(server.pid()) - server0;
      long loadCpu = CpuTime.nanos(load.pid()) - load0;
      long missing = stopAndDrain();
      Map<String, String> report = load.call("report");
      log(kind + " " + producer + ": " + report + " missing=" + missing + " load average " + Machine.loadAverage());
      return new Window(report, serverCpu, loadCpu, missing);
    }

    /** Runs {@code producer} unmeasured, so the JIT has compiled the paths the measures take. */
    void warmUp(String producer) throws Exception {
      server.call(producer);
      Thread.sleep(profile.phaseWarmupSeconds() * 1_000L);
      stopAndDrain();
    }

    /** Stops the producer and waits (at most 30 s) for what it sent; returns how many did not arrive. */
    private long stopAndDrain() throws Exception {
      sent += Long.parseLong(server.call("stop").get("sent"));
      long received = Long.parseLong(load.call("drain " + sent + " 30000", 40).get("received"));
      long missing = sent - received;
      sent = received; // counted once: the next window's count starts from what arrived
      return missing;
    }

    @Override
    public void close() {
      try {
        load.close();
      } finally {
        server.close();
      }
    }
  }
}
