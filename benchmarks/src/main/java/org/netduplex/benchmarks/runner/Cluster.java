package org.netduplex.benchmarks.runner;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.netduplex.benchmarks.Kind;
import org.netduplex.benchmarks.Padding;
import org.netduplex.benchmarks.proxy.ProxyMain;
import org.netduplex.benchmarks.server.ServerMain;

/**
 * One phase's NetDuplex nodes, each its own JVM with the same settings, on the in-memory store or on
 * one Redis started for the phase, optionally behind a round-robin balancer in its own JVM. It sums
 * what the runner reads from all of them: parked polls, sessions, CPU, messages sent.
 */
final class Cluster implements AutoCloseable {
  /** Every node JVM, as the peers suite's servers. */
  static final List<String> JVM = List.of("-Xmx2g", "-XX:+UseG1GC");
  /**
   * Sender threads of each node's producer in rate mode, the same in every setup: on Redis each
   * queueing call waits for its round trip, and one thread would cap the rate at one per round trip.
   */
  static final int RATE_SENDERS = 8;
  /** The balancer moves bytes only: a small heap. */
  private static final List<String> PROXY_JVM = List.of("-Xmx256m", "-XX:+UseG1GC");

  final RedisProcess redis;
  final List<Child> nodes;
  final List<Integer> ports;
  final Child proxy;
  final int proxyPort;

  private Cluster(RedisProcess redis, List<Child> nodes, List<Integer> ports, Child proxy, int proxyPort) {
    this.redis = redis;
    this.nodes = nodes;
    this.ports = ports;
    this.proxy = proxy;
    this.proxyPort = proxyPort;
  }

  /**
   * Starts Redis (if {@code onRedis}), then {@code count} nodes at once, then the balancer (if
   * {@code balanced}); on any failure stops what started.
   */
  static Cluster start(String name, int count, boolean onRedis, boolean balanced, Path out) throws Exception {
    RedisProcess redis = onRedis ? RedisProcess.start(out.resolve("redis")) : null;
    List<Child> nodes = new ArrayList<>();
    List<Integer> ports = new ArrayList<>();
    Child proxy = null;
    try {
      List<Callable<Child>> starts = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int port = freePort();
        ports.add(port);
        List<String> args = new ArrayList<>(List.of(Kind.NETDUPLEX.name(), Integer.toString(port),
            Integer.toString(Padding.of(Kind.NETDUPLEX))));
        if (redis != null) {
          args.addAll(List.of(redis.uri(), "node-" + (i + 1), "bench"));
        }
        String node = name + "-node" + (i + 1);
        starts.add(() -> new Child(node, JVM, ServerMain.class.getName(), args, out.resolve("logs")));
      }
      int proxyPort = -1;
      if (balanced) {
        // It connects to a node only when a client connects to it: it starts with the nodes.
        proxyPort = freePort();
        List<String> args = new ArrayList<>(List.of(Integer.toString(proxyPort)));
        ports.forEach(p -> args.add(Integer.toString(p)));
        starts.add(() -> new Child(name + "-balancer", PROXY_JVM, ProxyMain.class.getName(), args, out.resolve("logs")));
      }
      List<Child> children = all(starts);
      nodes.addAll(children.subList(0, count));
      proxy = balanced ? children.get(count) : null;
      return new Cluster(redis, nodes, ports, proxy, proxyPort);
    } catch (Exception e) {
      new Cluster(redis, nodes, ports, proxy, -1).close();
      throw e;
    }
  }

  /** Runs {@code tasks} at once (child JVMs start in parallel); all their results, or the first failure. */
  static <T> List<T> all(List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, tasks.size()));
    try {
      List<Future<T>> futures = new ArrayList<>();
      tasks.forEach(t -> futures.add(pool.submit(t)));
      List<T> results = new ArrayList<>();
      Exception failure = null;
      for (Future<T> f : futures) {
        try {
          results.add(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          failure = failure != null ? failure : e.getCause() instanceof Exception c ? c : e;
        }
      }
      if (failure != null) {
        // What did start is closed by the caller only if returned: close it here.
        for (T r : results) {
          if (r instanceof AutoCloseable c) {
            c.close();
          }
        }
        throw failure;
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Polls parked on all nodes now. */
  int parked() throws Exception {
    int sum = 0;
    for (Child n : nodes) {
      sum += Integer.parseInt(n.call("parked").get("parked"));
    }
    return sum;
  }

  /** Sessions each node saw register (its producer's sessions), e.g. {@code 171+164+165}. */
  String registeredPerNode() throws Exception {
    List<String> counts = new ArrayList<>();
    for (Child n : nodes) {
      counts.add(n.call("parked").get("sessions"));
    }
    return String.join("+", counts);
  }

  /** Starts every node's producer: {@code total} msg/s in all, shared as evenly as whole numbers allow. */
  void startRate(int total) throws Exception {
    for (int i = 0; i < nodes.size(); i++) {
      int share = total / nodes.size() + (i < total % nodes.size() ? 1 : 0);
      nodes.get(i).call("rate " + share + " " + RATE_SENDERS);
    }
  }

  /** Stops every producer; returns the messages they sent since they started. */
  long stop() throws Exception {
    long sent = 0;
    for (Child n : nodes) {
      sent += Long.parseLong(n.call("stop").get("sent"));
    }
    return sent;
  }

  /** CPU time of the servers' side: every node JVM and redis-server. */
  long serverCpuNanos() throws IOException {
    long sum = redis == null ? 0 : CpuTime.nanos(redis.pid());
    for (Child n : nodes) {
      sum += CpuTime.nanos(n.pid());
    }
    return sum;
  }

  long redisCpuNanos() throws IOException {
    return redis == null ? 0 : CpuTime.nanos(redis.pid());
  }

  long proxyCpuNanos() throws IOException {
    return proxy == null ? 0 : CpuTime.nanos(proxy.pid());
  }

  /** Each node's {@code stats} (heap after full collections, RSS, threads). */
  List<Map<String, String>> stats() throws Exception {
    List<Map<String, String>> all = new ArrayList<>();
    for (Child n : nodes) {
      all.add(n.call("stats", 120));
    }
    return all;
  }

  @Override
  public void close() {
    if (proxy != null) {
      proxy.close();
    }
    nodes.forEach(Child::close);
    if (redis != null) {
      redis.close();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
