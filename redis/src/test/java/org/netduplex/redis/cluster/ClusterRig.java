package org.netduplex.redis.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.netduplex.testing.RoundRobinProxy;

/**
 * N {@link ClusterNode} JVMs ({@code -Xmx256m}, the test's classpath) on one store, behind a
 * {@link RoundRobinProxy}: what a client sees is one endpoint, {@link #endpoint()}, whose every new
 * connection lands on the next node. Nodes are killed with SIGKILL ({@link #kill9}) and can be
 * started again on their port ({@link #restart}). Node logs are kept in {@code target/cluster-logs}.
 */
final class ClusterRig implements AutoCloseable {
  private final List<NodeProcess> nodes = new ArrayList<>();
  private final RoundRobinProxy proxy;

  private ClusterRig(List<NodeProcess> nodes, RoundRobinProxy proxy) {
    this.nodes.addAll(nodes);
    this.proxy = proxy;
  }

  /**
   * Starts {@code count} nodes, in parallel, with {@code nodeArgs} (e.g. {@code --redis URI}), and the proxy.
   *
   * @param name names the run's log directory
   * @param count how many nodes, {@code n1 .. n<count>}
   * @param nodeArgs the {@link ClusterNode} options every node gets
   */
  static ClusterRig start(String name, int count, List<String> nodeArgs) {
    List<List<String>> each = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      each.add(nodeArgs);
    }
    return start(name, each);
  }

  /**
   * Starts one node per entry of {@code perNodeArgs}, each with its own options (a node that reaches
   * Redis through a cuttable link gets that link's URI).
   *
   * @param name names the run's log directory
   * @param perNodeArgs node {@code i}'s options at {@code i-1}
   */
  static ClusterRig start(String name, List<List<String>> perNodeArgs) {
    int count = perNodeArgs.size();
    Path logs = Path.of("target", "cluster-logs", name);
    List<NodeProcess> nodes = new ArrayList<>();
    try {
      Files.createDirectories(logs);
      List<CompletableFuture<Void>> launched = new ArrayList<>();
      for (int i = 1; i <= count; i++) {
        NodeProcess node = new NodeProcess("n" + i, freePort(), perNodeArgs.get(i - 1), logs);
        nodes.add(node);
        launched.add(node.launch());
      }
      NodeProcess.awaitReady(launched);
      int[] ports = nodes.stream().mapToInt(NodeProcess::port).toArray();
      return new ClusterRig(nodes, RoundRobinProxy.to(ports));
    } catch (IOException | RuntimeException e) {
      nodes.forEach(NodeProcess::kill9);
      if (e instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw (RuntimeException) e;
    }
  }

  /** The balanced endpoint clients call. */
  URI endpoint() {
    return proxy.via(nodes.get(0).address());
  }

  RoundRobinProxy proxy() {
    return proxy;
  }

  /** Node {@code i}, from 1 as in its id. */
  NodeProcess node(int i) {
    return nodes.get(i - 1);
  }

  List<NodeProcess> nodes() {
    return List.copyOf(nodes);
  }

  /** Kills node {@code i} with SIGKILL; the proxy's connections to it are refused from then on. */
  void kill9(int i) {
    node(i).kill9();
  }

  /** Starts node {@code i} again on its port and waits until it is ready. */
  void restart(int i) {
    NodeProcess.awaitReady(List.of(node(i).launch()));
  }

  /** Every node's session events, each prefixed with its node id ({@code n2 ended <sid> TIMED_OUT}). */
  List<String> events() {
    List<String> all = new ArrayList<>();
    for (NodeProcess n : nodes) {
      n.events().forEach(e -> all.add(n.nodeId() + " " + e));
    }
    return all;
  }

  @Override
  public void close() {
    proxy.close();
    nodes.forEach(NodeProcess::close);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return s.getLocalPort();
    }
  }
}
