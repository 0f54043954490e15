package org.netduplex.benchmarks.runner;

import java.util.Map;

/**
 * Measured windows at an offered rate on a cluster: every node's producer sends its share, open loop;
 * the load generator's receipts give latency (stamp on the node to receipt in the generator) and the
 * CPU of each process is read from {@code /proc} around the window. After each window the producers
 * stop and the run waits (at most 30 s) for every message sent.
 */
final class RateWindow {
  private final Cluster cluster;
  private final Child load;
  /** Messages the nodes sent since the phase started that have been accounted for. */
  private long sent;

  RateWindow(Cluster cluster, Child load) {
    this.cluster = cluster;
    this.load = load;
  }

  /** What one window gave; CPU figures in nanoseconds over the window. */
  record Figures(Map<String, String> report, long serverCpu, long redisCpu, long proxyCpu, long loadCpu,
      long missing) {
    double arrived() {
      return Double.parseDouble(report.get("arrived"));
    }

    double arrivedPerSecond() {
      return arrived() / seconds();
    }

    /** Messages the producers stamped inside the window, a second: the rate actually offered. */
    double stampedPerSecond() {
      return Double.parseDouble(report.get("stamped")) / seconds();
    }

    private double seconds() {
      return Double.parseDouble(report.get("windowNanos")) / 1e9;
    }

    /** {@code cpuNanos} per message arrived in the window, in microseconds. */
    double micros(long cpuNanos) {
      return cpuNanos / 1e3 / arrived();
    }

    double millis(String percentile) {
      double nanos = Double.parseDouble(report.get(percentile));
      return nanos < 0 ? Double.NaN : nanos / 1e6;
    }
  }

  /** Runs {@code rate} unmeasured, so the JIT has compiled the paths the windows take. */
  void warmUp(int rate, int seconds) throws Exception {
    cluster.startRate(rate);
    Thread.sleep(seconds * 1_000L);
    stopAndDrain();
  }

  Figures measure(int rate, int leadInSeconds, int windowSeconds) throws Exception {
    cluster.startRate(rate);
    Thread.sleep(leadInSeconds * 1_000L);
    long server0 = cluster.serverCpuNanos();
    long redis0 = cluster.redisCpuNanos();
    long proxy0 = cluster.proxyCpuNanos();
    long load0 = CpuTime.nanos(load.pid());
    load.call("mark");
    Thread.sleep(windowSeconds * 1_000L);
    load.call("endmark");
    long server = cluster.serverCpuNanos() - server0;
    long redis = cluster.redisCpuNanos() - redis0;
    long proxy = cluster.proxyCpuNanos() - proxy0;
    long loadCpu = CpuTime.nanos(load.pid()) - load0;
    long missing = stopAndDrain();
    Map<String, String> report = load.call("report");
    Runner.log(cluster.nodes.size() + " node(s) at " + rate + " msg/s: " + report + " missing=" + missing
        + " load average " + Machine.loadAverage());
    return new Figures(report, server, redis, proxy, loadCpu, missing);
  }

  private long stopAndDrain() throws Exception {
    sent += cluster.stop();
    long received = Long.parseLong(load.call("drain " + sent + " 30000", 40).get("received"));
    long missing = sent - received;
    sent = received;
    return missing;
  }
}
