package org.netduplex.benchmarks.runner;

import java.nio.file.Path;
import org.netduplex.benchmarks.Kind;

/**
 * {@code --smoke | --quick | --full | --encode} [{@code --out DIR}] [{@code --jfr KIND}] [{@code --only KIND,…}]
 * [{@code --binary}] [{@code --suite peers|streamed|nodes}]: runs a comparison and prints its Markdown
 * table. {@code peers} (the default) is NetDuplex against CometD and raw Jetty; {@code streamed} only
 * NetDuplex's one-per-poll, batched and streamed throughput; {@code nodes} is one node in memory
 * against one and three nodes on Redis, and the parked sessions several nodes hold (issue #14).
 * {@code --jfr NETDUPLEX} (or COMETD, RAW) records a JFR profile of that server in every phase, next to
 * the results; {@code --only} runs the servers named only; {@code --binary} has NetDuplex's clients poll
 * in {@code application/soap+msbin1} (its answers are then binary, and no longer 580 bytes).
 */
public final class RunnerMain {
  private RunnerMain() {}

  /**
   * Runs the comparison and prints the table.
   *
   * @param args the options above
   * @throws Exception if a child JVM or a phase fails
   */
  public static void main(String[] args) throws Exception {
    String profile = "quick";
    Path out = Path.of("benchmarks", "target", "benchmark-results");
    Kind jfr = null;
    String suite = "peers";
    java.util.List<Kind> only = java.util.List.of(Kind.values());
    boolean binary = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--smoke", "--quick", "--full", "--encode" -> profile = args[i].substring(2);
        case "--only" -> only = java.util.Arrays.stream(args[++i].split(",")).map(Kind::valueOf).toList();
        case "--binary" -> binary = true;
        case "--out" -> out = Path.of(args[++i]);
        case "--jfr" -> jfr = Kind.valueOf(args[++i]);
        case "--suite" -> suite = args[++i];
        default -> usage("unknown option " + args[i]);
      }
    }
    switch (suite) {
      case "peers" -> System.out.println(new Runner(Profile.named(profile), out, jfr, only, binary).run());
      case "streamed" -> System.out.println(new Runner(Profile.named(profile), out, jfr, only, binary).runStreamed());
      case "nodes" -> System.out.println(new NodesRunner(NodesProfile.named(profile), out).run());
      default -> usage("no suite " + suite + ": 'peers' (NetDuplex vs CometD vs raw Jetty), 'streamed'"
          + " (NetDuplex's one-per-poll, batched and streamed throughput) or 'nodes' (one node in memory vs"
          + " one and three nodes on Redis)");
    }
    System.exit(0);
  }

  private static void usage(String problem) {
    System.err.println(problem + "\nusage: java -jar netduplex-benchmarks.jar --smoke|--quick|--full|--encode"
        + " [--out DIR] [--jfr NETDUPLEX|COMETD|RAW] [--only NETDUPLEX,COMETD,RAW] [--binary] [--suite peers|streamed|nodes]");
    System.exit(2);
  }
}
