package org.netduplex.benchmarks.server;

import org.netduplex.benchmarks.ControlLoop;
import org.netduplex.benchmarks.Kind;
import org.netduplex.benchmarks.Stamp;

/**
 * A server under test in its own JVM, controlled by the runner over stdin: {@code stats},
 * {@code credit D}, {@code rate R}, {@code stop}, {@code broadcast}, {@code quit}.
 */
public final class ServerMain {
  private ServerMain() {}

  /** {@code KIND PORT PADDING}: the padding makes a one-message answer the same size on every server. */
  public static void main(String[] args) throws Exception {
    Kind kind = Kind.valueOf(args[0]);
    int port = Integer.parseInt(args[1]);
    int padding = Integer.parseInt(args[2]);
    switch (kind) {
      case NETDUPLEX -> {
        Credits<NetDuplexServer.Client> credits = new Credits<>();
        serve(new NetDuplexServer("0.0.0.0", port, credits), credits, padding);
      }
      case COMETD -> {
        Credits<org.cometd.bayeux.server.ServerSession> credits = new Credits<>();
        serve(new CometdServer("0.0.0.0", port, credits), credits, padding);
      }
      case RAW -> {
        Credits<RawMailbox> credits = new Credits<>();
        serve(new RawJettyServer("0.0.0.0", port, credits), credits, padding);
      }
    }
    System.exit(0);
  }

  private static <S> void serve(BenchServer<S> server, Credits<S> credits, int padding) throws Exception {
    Producer<S> producer = new Producer<>(server, credits, padding);
    ControlLoop.run("READY pid=" + ProcessHandle.current().pid(), words -> switch (words[0]) {
      case "stats" -> "OK " + ProcessStats.measure() + " sessions=" + server.sessions().size()
          + " parked=" + server.parkedPolls();
      case "parked" -> "OK sessions=" + server.sessions().size() + " parked=" + server.parkedPolls();
      case "credit" -> {
        producer.startCredit(Integer.parseInt(words[1]));
        yield "OK";
      }
      case "rate" -> {
        producer.startRate(Integer.parseInt(words[1]));
        yield "OK";
      }
      case "stop" -> "OK sent=" + producer.stop();
      case "broadcast" -> {
        server.broadcast(Stamp.now(Stamp.BROADCAST, padding));
        yield "OK";
      }
      case "ping" -> "OK nanos=" + System.nanoTime();
      default -> throw new IllegalArgumentException("unknown command " + words[0]);
    });
    server.close();
  }
}
