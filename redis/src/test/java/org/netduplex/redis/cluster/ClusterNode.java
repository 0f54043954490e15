package org.netduplex.redis.cluster;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.netduplex.jetty.PollingDuplexJetty;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.DuplexStore;
import org.netduplex.server.PollingDuplexFeature;

/**
 * One cluster node in its own JVM, as {@link ClusterRig} launches it: the stock contract's endpoint
 * ({@code /StockService}, SOAP 1.1) on {@code --port}, on a {@code RedisDuplexStore} at
 * {@code --redis} as node {@code --node-id} (in memory without {@code --redis}). It prints
 * {@code ready} once the endpoint is up, then obeys {@link NodeCommands} on stdin and reports
 * session events on stdout; it exits when stdin closes, so a test JVM that dies takes its nodes with it.
 *
 * <pre>
 * java -Xmx256m -cp ... org.netduplex.redis.cluster.ClusterNode --port 10301 --node-id n1 --redis redis://127.0.0.1:6390
 * </pre>
 */
public final class ClusterNode {
  private ClusterNode() {}

  /**
   * Runs the node until stdin closes or says {@code exit}.
   *
   * @param args {@code --port P --node-id ID [--redis URI] [--key-prefix P] [--poll-timeout-ms N]
   *     [--inactivity-timeout-ms N] [--max-pending N]}
   * @throws Exception if the endpoint cannot start (the rig then sees the process exit without {@code ready})
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int port = Integer.parseInt(required(options, "port"));
    String nodeId = required(options, "node-id");
    NodeOutput out = new NodeOutput(System.out);
    SequenceService service = new SequenceService(out);
    DuplexServerConfig.Builder config = DuplexServerConfig.builder()
        .pollTimeout(Duration.ofMillis(Long.parseLong(options.getOrDefault("poll-timeout-ms", "1000"))))
        .inactivityTimeout(Duration.ofMillis(Long.parseLong(options.getOrDefault("inactivity-timeout-ms", "60000"))))
        .maxPendingMessagesPerSession(Integer.parseInt(options.getOrDefault("max-pending", "1000")))
        .listener(service);
    String redis = options.get("redis");
    if (redis != null) {
      DuplexStore store = NodeStore.create(redis, nodeId, options.getOrDefault("key-prefix", "nd"));
      config.store(store);
    }
    PollingDuplexFeature feature = new PollingDuplexFeature(config.build());

    Bus bus = BusFactory.newInstance().createBus();
    PollingDuplexJetty.preparePort(bus, "127.0.0.1", port, 32);
    JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
    factory.setBus(bus);
    factory.setServiceClass(SequenceService.class);
    factory.setServiceBean(service);
    factory.setAddress(address(port).toString());
    factory.getFeatures().add(feature);
    Server server = factory.create();
    HeldAnswers held = HeldAnswers.install(bus, port);
    out.line("ready " + nodeId + " " + port);

    NodeCommands commands = new NodeCommands(feature, held, out);
    try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.equals("exit")) {
          break;
        }
        commands.accept(line);
      }
    }
    // stdin closed (the test JVM went away) or "exit": stop as a node is stopped, then leave at once
    commands.shutdown();
    server.destroy();
    bus.shutdown(true);
    Runtime.getRuntime().halt(0);
  }

  /**
   * The endpoint of the node on {@code port}.
   *
   * @param port the node's port
   * @return {@code http://127.0.0.1:<port>/StockService}
   */
  static URI address(int port) {
    return URI.create("http://127.0.0.1:" + port + "/StockService");
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 == args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got " + String.join(" ", args));
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }
}
