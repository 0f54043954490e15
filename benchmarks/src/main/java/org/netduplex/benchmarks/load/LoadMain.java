package org.netduplex.benchmarks.load;

import org.netduplex.benchmarks.Controlled;
import org.netduplex.benchmarks.Kind;

/**
 * The load generator in its own JVM, controlled by the runner over stdin: {@code open KIND PORT N BATCH},
 * {@code state}, {@code mark}, {@code endmark}, {@code drain TOTAL MAX_MS}, {@code report},
 * {@code bcastreset}, {@code bcastawait N MAX_MS}, {@code quit}.
 */
public final class LoadMain {
  /** System property of the load generator's JVM: {@code true} makes NetDuplex's polls {@code application/soap+msbin1}. */
  public static final String BINARY_PROPERTY = "netduplex.bench.binary";

  private LoadMain() {}

  /**
   * Serves the runner's commands on stdin, then exits.
   *
   * @param args none
   * @throws Exception if serving stdin fails
   */
  public static void main(String[] args) throws Exception {
    start().serveStdin();
    System.exit(0);
  }

  /**
   * A load generator with no sessions yet.
   *
   * @return the generator, behind its commands
   */
  public static Controlled start() {
    LoadGenerator load = new LoadGenerator();
    Receipts receipts = load.receipts;
    return new Controlled(words -> switch (words[0]) {
      case "open" -> load.open(Kind.valueOf(words[1]), Integer.parseInt(words[2]), Integer.parseInt(words[3]),
          !words[4].equals("0"), words[4].equals("2")); // 0 one per poll, 1 batches, 2 streamed batches
      case "state" -> "OK " + load.state();
      case "mark" -> {
        receipts.startWindow();
        yield "OK";
      }
      case "endmark" -> {
        receipts.endWindow();
        yield "OK";
      }
      case "drain" -> "OK " + receipts.awaitReceived(Long.parseLong(words[1]), Long.parseLong(words[2]));
      case "report" -> "OK " + receipts.report();
      case "bcastreset" -> {
        receipts.resetBroadcast();
        yield "OK";
      }
      case "bcastawait" -> "OK " + receipts.awaitBroadcast(Integer.parseInt(words[1]), Long.parseLong(words[2]));
      case "ping" -> "OK nanos=" + System.nanoTime();
      default -> throw new IllegalArgumentException("unknown command " + words[0]);
    }, load::stop);
  }
}
