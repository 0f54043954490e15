package org.netduplex.benchmarks.server;

import org.netduplex.benchmarks.Controlled;
import org.netduplex.benchmarks.Kind;
import org.netduplex.benchmarks.Stamp;
import org.netduplex.redis.RedisDuplexStore;
import org.netduplex.server.DuplexStore;

/**
 * A server under test in its own JVM, controlled by the runner over stdin: {@code stats},
 * {@code credit D}, {@code rate R [SENDERS]}, {@code stop}, {@code broadcast}, {@code quit}.
 */
public final class ServerMain {
  private ServerMain() {}

  /**
   * {@code KIND PORT PADDING [REDIS_URI NODE_ID KEY_PREFIX]}: the padding makes a one-message answer
   * the same size on every server; the Redis arguments make a NetDuplex server a cluster node.
   *
   * @param args kind, port and padding, then where a node keeps its sessions
   * @throws Exception if the server cannot start
   */
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[1]);
    int padding = Integer.parseInt(args[2]);
    Controlled server = args.length == 6
        ? startNode(port, padding, RedisDuplexStore.builder(args[3]).nodeId(args[4]).keyPrefix(args[5]).build())
        : start(Kind.valueOf(args[0]), port, padding);
    server.serveStdin();
    System.exit(0);
  }

  /**
   * Starts a NetDuplex node on {@code store}, every other setting as {@link #start}'s NetDuplex.
   *
   * @param port the port to listen on
   * @param padding dots after each stamp
   * @param store where its sessions live (null: in memory)
   * @return the running node, behind its commands
   */
  public static Controlled startNode(int port, int padding, DuplexStore store) {
    Credits<NetDuplexServer.Client> credits = new Credits<>();
    return controlled(new NetDuplexServer("0.0.0.0", port, credits, store), credits, padding);
  }

  /**
   * Starts {@code kind} on all interfaces, port {@code port}; {@code padding} dots follow each stamp.
   *
   * @param kind the server
   * @param port the port to listen on
   * @param padding dots after each stamp, {@link org.netduplex.benchmarks.Padding#of}
   * @return the running server, behind its commands
   * @throws Exception if the server cannot start
   */
  public static Controlled start(Kind kind, int port, int padding) throws Exception {
    return switch (kind) {
      case NETDUPLEX -> {
        Credits<NetDuplexServer.Client> credits = new Credits<>();
        yield controlled(new NetDuplexServer("0.0.0.0", port, credits), credits, padding);
      }
      case COMETD -> {
        Credits<org.cometd.bayeux.server.ServerSession> credits = new Credits<>();
        yield controlled(new CometdServer("0.0.0.0", port, credits), credits, padding);
      }
      case RAW -> {
        Credits<RawMailbox> credits = new Credits<>();
        yield controlled(new RawJettyServer("0.0.0.0", port, credits), credits, padding);
      }
    };
  }

  private static <S> Controlled controlled(BenchServer<S> server, Credits<S> credits, int padding) {
    Producer<S> producer = new Producer<>(server, credits, padding);
    return new Controlled(words -> switch (words[0]) {
      case "stats" -> "OK " + ProcessStats.measure() + " sessions=" + server.sessions().size()
          + " parked=" + server.parkedPolls();
      case "parked" -> "OK sessions=" + server.sessions().size() + " parked=" + server.parkedPolls();
      case "credit" -> {
        producer.startCredit(Integer.parseInt(words[1]));
        yield "OK";
      }
      case "rate" -> {
        producer.startRate(Integer.parseInt(words[1]), words.length > 2 ? Integer.parseInt(words[2]) : 1);
        yield "OK";
      }
      case "stop" -> "OK sent=" + producer.stop();
      case "broadcast" -> {
        server.broadcast(Stamp.now(Stamp.BROADCAST, padding));
        yield "OK";
      }
      case "ping" -> "OK nanos=" + System.nanoTime();
      default -> throw new IllegalArgumentException("unknown command " + words[0]);
    }, () -> {
      producer.stop();
      server.close();
    });
  }
}
