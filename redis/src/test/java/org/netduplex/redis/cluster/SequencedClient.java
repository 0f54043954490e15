package org.netduplex.redis.cluster;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.netduplex.client.ClientListener;
import org.netduplex.client.ClientState;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.client.PollingDuplexClient;
import org.netduplex.stock.IStockService;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.stock.Stock;

/**
 * A real {@link PollingDuplexClient} that records the sequence numbers of its callbacks in arrival
 * order, and every state it went through (a cluster test fails if one client was ever FAULTED). Short
 * timeouts, as for tests that kill servers: a poll to a dead node is given up within seconds.
 */
final class SequencedClient implements IStockServiceCallback, AutoCloseable {
  /** The server's poll timeout the nodes run with ({@code --poll-timeout-ms 1000}). */
  static final Duration SERVER_POLL_TIMEOUT = Duration.ofSeconds(1);

  final int clientId;
  final boolean acks;
  private final PollingDuplexClient<IStockService> client;
  private final List<Long> received = new ArrayList<>(); // guarded by this
  private final List<Long> arrivals = new ArrayList<>(); // nanoTime of each, guarded by this
  private final List<ClientState> states = new CopyOnWriteArrayList<>();

  /**
   * A client of {@code endpoint}; {@code acks}: acknowledged delivery (the default, docs/protocol.md
   * section 15: a resent message is dropped by the client), or WCF's plain polls (a message resent
   * after a node died arrives twice).
   */
  SequencedClient(int clientId, URI endpoint, boolean acks) {
    this.clientId = clientId;
    this.acks = acks;
    this.client = PollingDuplexClient.builder(endpoint)
        .callback(IStockServiceCallback.class, this)
        .config(DuplexClientConfig.builder()
            .serverPollTimeout(SERVER_POLL_TIMEOUT)
            .pollTimeoutMargin(Duration.ofSeconds(5))
            .clientPollTimeout(Duration.ofSeconds(6))
            .initialBackoff(Duration.ofMillis(20))
            .maxBackoff(Duration.ofMillis(300))
            .inactivityTimeout(Duration.ofSeconds(60))
            .acknowledgeDelivery(acks)
            .build())
        .listener(new ClientListener() {
          @Override
          public void stateChanged(ClientState from, ClientState to, Throwable cause) {
            states.add(to);
          }
        })
        .build(IStockService.class);
  }

  /** Opens the session ({@code Register}); polling starts. */
  SequencedClient register() {
    client.service().register();
    return this;
  }

  String sessionId() {
    return client.identity().sessionId();
  }

  boolean everFaulted() {
    return states.contains(ClientState.FAULTED) || client.state() == ClientState.FAULTED;
  }

  @Override
  public synchronized void update(Stock stock) {
    if (!stock.getSymbol().equals("c" + clientId)) {
      throw new AssertionError("client " + clientId + " got " + stock.getSymbol() + "'s callback");
    }
    received.add((long) stock.getAsk());
    arrivals.add(System.nanoTime());
    notifyAll();
  }

  /** Waits until {@code seq} arrived, or fails after {@code max}. */
  synchronized void awaitSeq(long seq, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (!received.contains(seq)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("client " + clientId + ": no seq " + seq + " within " + max + "; state "
            + client.state() + ", received " + received.size() + ", last " + (received.isEmpty() ? "-" : received.get(received.size() - 1)));
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  synchronized int receivedCount() {
    return received.size();
  }

  /**
   * The longest wait for a callback from {@code fromNanos} on (counting from {@code fromNanos} to the
   * first arrival after it): how long delivery stalled after a fault at that moment.
   */
  synchronized Duration longestGapAfter(long fromNanos) {
    long longest = 0;
    long previous = fromNanos;
    for (long at : arrivals) {
      if (at > fromNanos) {
        longest = Math.max(longest, at - previous);
        previous = at;
      }
    }
    return Duration.ofNanos(longest);
  }

  synchronized Delivery delivery(long sent) {
    return new Delivery(clientId, sent, received);
  }

  @Override
  public void close() {
    client.close();
  }
}
