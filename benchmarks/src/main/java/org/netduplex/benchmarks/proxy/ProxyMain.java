package org.netduplex.benchmarks.proxy;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.netduplex.benchmarks.Controlled;

/**
 * The round-robin balancer in front of the nodes, in its own JVM so that its CPU is its own figure,
 * controlled by the runner over stdin: {@code stats}, {@code quit}.
 */
public final class ProxyMain {
  private ProxyMain() {}

  /**
   * {@code PORT BACKEND_PORT...}: listens on {@code PORT}, forwards to each backend on 127.0.0.1 in turn.
   *
   * @param args the port, then the backends' ports
   * @throws Exception if the port cannot be bound or stdin read
   */
  public static void main(String[] args) throws Exception {
    List<Integer> backends = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      backends.add(Integer.parseInt(args[i]));
    }
    start(Integer.parseInt(args[0]), backends).serveStdin();
    System.exit(0);
  }

  /**
   * A balancer on {@code port} to the backends' ports on 127.0.0.1.
   *
   * @param port the port to listen on (0: any)
   * @param backendPorts the nodes' ports
   * @return the balancer, behind its commands
   * @throws java.io.IOException if the port cannot be bound
   */
  public static Controlled start(int port, List<Integer> backendPorts) throws java.io.IOException {
    List<InetSocketAddress> backends = backendPorts.stream().map(p -> new InetSocketAddress("127.0.0.1", p)).toList();
    RoundRobinProxy proxy = new RoundRobinProxy(port, backends);
    return new Controlled(words -> switch (words[0]) {
      case "stats" -> "OK port=" + proxy.port() + " " + proxy.stats();
      default -> throw new IllegalArgumentException("unknown command " + words[0]);
    }, () -> {
      try {
        proxy.close();
      } catch (java.io.IOException e) {
        // ending anyway
      }
    });
  }
}
