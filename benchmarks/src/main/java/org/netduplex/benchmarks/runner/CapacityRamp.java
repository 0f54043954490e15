package org.netduplex.benchmarks.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.netduplex.benchmarks.Kind;
import org.netduplex.benchmarks.load.LoadMain;

/**
 * The largest number of sessions parked at once across nodes on one Redis: {@code capacityNodes}
 * nodes, one load generator for each (every process is capped at {@link Child#FD_LIMIT} descriptors,
 * and a parked session holds one in its node and one in its generator), each generator opening
 * {@code capacityStep} sessions on its node straight (no balancer: it would need two descriptors a
 * session), step after step until {@code capacityTarget} are parked or a step fails. It reports what it
 * reached, what stopped it, and what each session cost: node heap, Redis memory, descriptors.
 */
final class CapacityRamp {
  private static final double MIB = 1024 * 1024;

  private final NodesProfile profile;
  private final Path out;

  CapacityRamp(NodesProfile profile, Path out) {
    this.profile = profile;
    this.out = out;
  }

  /** Runs the ramp; returns its Markdown section. */
  String run() throws Exception {
    int count = profile.capacityNodes();
    try (Cluster cluster = Cluster.start("capacity", count, true, false, out)) {
      List<Callable<Child>> starts = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String name = "load-capacity-" + (i + 1);
        starts.add(() -> new Child(name, Cluster.JVM, LoadMain.class.getName(), List.of(), out.resolve("logs")));
      }
      List<Child> loads = Cluster.all(starts);
      try {
        return ramp(cluster, loads);
      } finally {
        loads.forEach(Child::close);
      }
    }
  }

  private String ramp(Cluster cluster, List<Child> loads) throws Exception {
    int nodes = loads.size();
    long redisIdle = cluster.redis.usedMemory();
    double heapIdle = heapSum(cluster.stats());
    int opened = 0;
    int reached = 0;
    String stopped = "the target was reached";
    long begin = System.nanoTime();
    while (opened < profile.capacityTarget()) {
      int step = Math.min(profile.capacityStep(), Math.max(1, (profile.capacityTarget() - opened) / nodes));
      List<Callable<Map<String, String>>> opens = new ArrayList<>();
      for (int i = 0; i < nodes; i++) {
        Child load = loads.get(i);
        int port = cluster.ports.get(i);
        opens.add(() -> load.call("open " + Kind.NETDUPLEX + " " + port + " " + step + " 0", 600));
      }
      try {
        List<Map<String, String>> answers = Cluster.all(opens);
        opened += step * nodes;
        int failed = answers.stream().mapToInt(a -> Integer.parseInt(a.get("failed"))).sum();
        if (failed > 0) {
          stopped = failed + " of the last " + step * nodes + " sessions failed to open: " + states(loads);
          break;
        }
        NodesRunner.awaitParked(cluster, loads, opened);
      } catch (IOException e) {
        stopped = e.getMessage() + "; " + states(loads);
        break;
      }
      reached = opened;
      Runner.log("capacity: " + reached + " parked on " + nodes + " nodes (" + cluster.registeredPerNode()
          + "), Redis used_memory " + cluster.redis.usedMemory() + ", load average " + Machine.loadAverage());
    }
    double seconds = (System.nanoTime() - begin) / 1e9;
    int parkedNow = cluster.parked();
    List<Map<String, String>> stats = cluster.stats();
    long redisUsed = cluster.redis.usedMemory();
    double rss = stats.stream().mapToDouble(s -> Double.parseDouble(s.get("rss"))).sum();
    long nodeFds = cluster.nodes.stream().mapToLong(Child::openFds).max().orElse(-1);
    long loadFds = loads.stream().mapToLong(Child::openFds).max().orElse(-1);
    int sessions = Math.max(1, parkedNow);
    StringBuilder t = new StringBuilder("Capacity: " + nodes + " nodes on one Redis, one load generator each,"
        + " up to " + profile.capacityTarget() + " sessions in steps of " + profile.capacityStep() + " a node ("
        + String.format(java.util.Locale.ROOT, "%.0f", seconds) + " s).\n\n| measure | value |\n|---|---:|\n");
    row(t, "sessions parked across the nodes, last step fully parked", reached);
    row(t, "polls parked when the ramp ended", parkedNow);
    long retries = 0;
    for (Child load : loads) {
      retries += Long.parseLong(load.call("state").get("openRetries"));
    }
    row(t, "registrations refused and tried again", retries);
    t.append("| sessions per node | ").append(cluster.registeredPerNode()).append(" |\n");
    row(t, "node heap per parked session (KB, all nodes' heap after GC − idle)", (heapSum(stats) - heapIdle) / sessions / 1024);
    row(t, "node RSS, mean (MiB)", rss / nodes / MIB);
    row(t, "Redis used_memory per parked session (bytes)", (double) (redisUsed - redisIdle) / sessions);
    row(t, "Redis used_memory (MiB)", redisUsed / MIB);
    row(t, "Redis RSS (MiB)", statusKb(cluster.redis.pid(), "VmRSS:") / 1024.0);
    row(t, "open descriptors, busiest node (of " + Child.FD_LIMIT + ")", nodeFds);
    row(t, "open descriptors, busiest load generator (of " + Child.FD_LIMIT + ")", loadFds);
    row(t, "machine memory available at the end (MiB)", meminfoKb("MemAvailable:") / 1024.0);
    t.append("\nWhat stopped the ramp: ").append(stopped.replace('|', '/')).append(".\n");
    return t.toString();
  }

  private static double heapSum(List<Map<String, String>> stats) {
    return stats.stream().mapToDouble(s -> Double.parseDouble(s.get("heap"))).sum();
  }

  private static String states(List<Child> loads) throws Exception {
    List<String> states = new ArrayList<>();
    for (Child load : loads) {
      states.add(load.name() + " " + load.call("state"));
    }
    return String.join("; ", states);
  }

  private static void row(StringBuilder t, String measure, double value) {
    t.append("| ").append(measure).append(" | ").append(Results.number(value)).append(" |\n");
  }

  private static long statusKb(long pid, String field) throws IOException {
    return kb(Path.of("/proc/" + pid + "/status"), field);
  }

  private static long meminfoKb(String field) throws IOException {
    return kb(Path.of("/proc/meminfo"), field);
  }

  private static long kb(Path file, String field) throws IOException {
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
      }
    }
    return -1;
  }
}
