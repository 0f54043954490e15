package org.netduplex.samples;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.netduplex.samples.stock.StockServer;
import org.netduplex.server.DuplexServerConfig;

/**
 * {@code java -jar netduplex-samples.jar <command> [--option value ...]}. Commands:
 * {@code stock-server}.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      usage(System.out);
      return;
    }
    Map<String, String> options;
    try {
      options = parseOptions(Arrays.copyOfRange(args, 1, args.length));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      usage(System.err);
      System.exit(2);
      return;
    }
    switch (args[0]) {
      case "stock-server" -> runStockServer(options);
      default -> {
        System.err.println("Unknown command: " + args[0]);
        usage(System.err);
        System.exit(2);
      }
    }
  }

  private static void runStockServer(Map<String, String> o) throws InterruptedException {
    DuplexServerConfig config = DuplexServerConfig.builder()
        .pollTimeout(Durations.parse(o.getOrDefault("poll-timeout", "15s")))
        .inactivityTimeout(Durations.parse(o.getOrDefault("inactivity-timeout", "10m")))
        .build();
    StockServer server = StockServer.start(new StockServer.Options()
        .host(o.getOrDefault("host", "localhost"))
        .port(Integer.parseInt(o.getOrDefault("port", "10201")))
        .tickInterval(Durations.parse(o.getOrDefault("tick", "1s")))
        .config(config));
    System.out.println("StockService listening on " + server.address() + " (" + config + ")");
    System.out.println("Press Ctrl+C to stop.");
    awaitShutdown(server);
  }

  private static void awaitShutdown(AutoCloseable server) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception e) {
        System.err.println("Error while stopping: " + e);
      }
      stopped.countDown();
    }));
    stopped.await();
  }

  static Map<String, String> parseOptions(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("Expected --option value, got: " + args[i]);
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }

  private static void usage(PrintStream out) {
    out.println("""
        Usage: java -jar netduplex-samples.jar <command> [--option value ...]

          stock-server   the StockService of seed 002 with a quote ticker
                         --host localhost  --port 10201  --poll-timeout 15s
                         --inactivity-timeout 10m  --tick 1s (0s: no ticker)

        Durations: 500ms, 15s, 10m, 1h or ISO-8601 (PT15S).""");
  }
}
