package org.netduplex.benchmarks.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.netduplex.benchmarks.Kind;
import org.netduplex.benchmarks.load.LoadMain;

/**
 * Issue #14's benchmark: the same load against one node on the in-memory store, one node on Redis and
 * three nodes on Redis, every setup behind the same round-robin balancer (so the hop it adds is in
 * every column and cancels in the differences), then the largest number of parked sessions several
 * nodes on one Redis hold. Each repeat runs the three setups back to back in an order that rotates;
 * each phase starts fresh JVMs and a fresh Redis. See BENCHMARK.md, "Nodes".
 */
final class NodesRunner {
  private final NodesProfile profile;
  private final Path out;
  private final NodesResults results = new NodesResults();
  private final List<String> failures = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private String capacity = "";
  private int repeat;

  NodesRunner(NodesProfile profile, Path out) {
    this.profile = profile;
    this.out = out;
  }

  /** Runs every repeat and the capacity ramp; returns the Markdown report (also written to {@code out}). */
  String run() throws Exception {
    if (!RedisProcess.installed()) {
      throw new IllegalStateException("the nodes suite needs redis-server on the PATH (Debian: apt-get install redis-server)");
    }
    String started = Instant.now() + ", load average " + Machine.loadAverage();
    for (repeat = 0; repeat < profile.repeats(); repeat++) {
      List<Setup> order = new ArrayList<>(List.of(Setup.values()));
      Collections.rotate(order, -repeat);
      Runner.log("nodes: repeat " + (repeat + 1) + " of " + profile.repeats() + ", order " + order);
      for (Setup setup : order) {
        attempt(setup + " latency, repeat " + (repeat + 1), () -> latency(setup));
      }
    }
    attempt("capacity ramp", () -> capacity = new CapacityRamp(profile, out).run());
    String report = "# NetDuplex nodes: in memory vs Redis vs 3 nodes on Redis (" + profile.name() + ", "
        + profile.repeats() + " repeat" + (profile.repeats() == 1 ? "" : "s") + ")\n\n" + Machine.describe()
        + "\nStarted " + started + "; ended " + Instant.now() + ", load average " + Machine.loadAverage() + ".\n\n"
        + results.markdown() + (notes.isEmpty() ? "" : "\n" + String.join("\n", notes) + "\n")
        + "\n" + capacity
        + (failures.isEmpty() ? "" : "\nFailed phases (their figures are missing):\n\n" + String.join("\n", failures) + "\n");
    Files.createDirectories(out);
    Files.writeString(out.resolve("nodes-results.md"), report);
    Files.writeString(out.resolve("nodes-results.tsv"), results.tsv());
    return report;
  }

  private interface Phase {
    void run() throws Exception;
  }

  private void attempt(String phase, Phase body) {
    try {
      body.run();
    } catch (Exception e) {
      String failure = "- " + phase + ": " + e;
      failures.add(failure);
      Runner.log("FAILED " + failure);
    }
  }

  /** Latency and CPU per message at each offered rate, {@code loadSessions} sessions through the balancer. */
  private void latency(Setup setup) throws Exception {
    String name = "nodes-" + setup.name().toLowerCase(Locale.ROOT) + "-r" + (repeat + 1);
    // The load generator starts while the cluster does: JVM start-up is most of a phase's fixed cost.
    CompletableFuture<Child> starting = CompletableFuture.supplyAsync(() -> {
      try {
        return new Child("load-" + name, Cluster.JVM, LoadMain.class.getName(), List.of(), out.resolve("logs"));
      } catch (IOException | InterruptedException e) {
        throw new CompletionException(e);
      }
    });
    Cluster started;
    try {
      started = Cluster.start(name, setup.nodes, setup.redis, true, out);
    } catch (Exception e) {
      starting.thenAccept(Child::close);
      throw e;
    }
    try (Cluster cluster = started; Child load = starting.join()) {
      if (repeat == 0 && setup == Setup.MEMORY) {
        notes.add("Open-file limit of every process: " + load.fdLimit() + " (`ulimit -n`, set by the runner).");
      }
      Map<String, String> opened = load.call("open " + Kind.NETDUPLEX + " " + cluster.proxyPort + " "
          + profile.loadSessions() + " 0", 600);
      if (!"0".equals(opened.get("failed"))) {
        throw new IOException(opened.get("failed") + " of " + profile.loadSessions() + " sessions failed to open: "
            + load.call("state"));
      }
      double openRetries = Double.parseDouble(load.call("state").get("openRetries"));
      awaitParked(cluster, List.of(load), profile.loadSessions());
      Runner.log(setup + ": sessions registered per node " + cluster.registeredPerNode() + ", balancer "
          + cluster.proxy.call("stats"));
      RateWindow window = new RateWindow(cluster, load);
      window.warmUp(profile.rates().get(0), profile.phaseWarmupSeconds());
      for (int rate : profile.rates()) {
        RateWindow.Figures f = window.measure(rate, profile.warmupSeconds(), profile.windowSeconds());
        add("p50 at " + rate + " msg/s offered", "ms", setup, f.millis("p50"));
        add("p99 at " + rate + " msg/s offered", "ms", setup, f.millis("p99"));
        add("p99.9 at " + rate + " msg/s offered", "ms", setup, f.millis("p999"));
        // The producers' offers are synchronous on Redis: a node whose round trip is slow queues less.
        add("queued msg/s at " + rate + " msg/s offered", "msg/s", setup, f.stampedPerSecond());
        add("delivered msg/s at " + rate + " msg/s offered", "msg/s", setup, f.arrivedPerSecond());
        add("server CPU per message at " + rate + " msg/s (nodes + Redis)", "µs", setup, f.micros(f.serverCpu()));
        add("of which redis-server at " + rate + " msg/s", "µs", setup, setup.redis ? f.micros(f.redisCpu()) : Double.NaN);
        add("balancer CPU per message at " + rate + " msg/s", "µs", setup, f.micros(f.proxyCpu()));
        add("load generator CPU per message at " + rate + " msg/s", "µs", setup, f.micros(f.loadCpu()));
        add("not arrived 30 s after the last send at " + rate + " msg/s", "msgs", setup, f.missing());
      }
      add("registrations refused and tried again", "", setup, openRetries);
      // Polls a node refused (its store answered too late) or that failed: each was sent again a second later.
      add("poll and registration errors in the phase", "", setup, Double.parseDouble(load.call("state").get("errors")));
    }
  }

  /**
   * Until every generator has a poll in flight for each of its sessions and the nodes together hold
   * {@code count} parked polls (at most 2 minutes), then one more second.
   */
  static void awaitParked(Cluster cluster, List<Child> loads, int count) throws Exception {
    long end = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < end) {
      int inFlight = 0;
      for (Child load : loads) {
        inFlight += Integer.parseInt(load.call("state").get("inFlight"));
      }
      if (inFlight >= count && cluster.parked() >= count) {
        Thread.sleep(1_000);
        return;
      }
      Thread.sleep(200);
    }
    List<String> states = new ArrayList<>();
    for (Child load : loads) {
      states.add(load.name() + ": " + load.call("state"));
    }
    throw new IOException(count + " polls not parked after 2 minutes: " + cluster.parked() + " parked; " + states);
  }

  private void add(String measure, String unit, Setup setup, double value) {
    results.add(measure, unit, setup, repeat, value);
    Runner.log(setup + " " + measure + " = " + value + " " + unit);
  }
}
