package org.netduplex.redis.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.netduplex.testing.Eventually;

/**
 * What every cluster failure test does around its fault: open real clients through the balancer,
 * have a node send each its sequence, wait for the last number, and judge what arrived (no loss, no
 * reorder, duplicates within the documented bound, no client FAULTED). Closes its clients; the rig
 * is the test's.
 */
final class ClusterFixture implements AutoCloseable {
  private static final Pattern FAILED = Pattern.compile("failed=(\\d+)");

  final ClusterRig rig;
  final List<SequencedClient> clients = new ArrayList<>();
  private final List<CompletableFuture<String>> sends = new ArrayList<>();

  ClusterFixture(ClusterRig rig) {
    this.rig = rig;
  }

  /**
   * Opens {@code n} clients through the balancer and waits until one node saw each session open; the
   * even ones acknowledge delivery (the default), the odd ones poll as WCF does.
   */
  ClusterFixture openClients(int n) {
    for (int i = 0; i < n; i++) {
      SequencedClient c = new SequencedClient(i, rig.endpoint(), i % 2 == 0);
      clients.add(c);
      c.register();
    }
    for (SequencedClient c : clients) {
      Eventually.await("session " + c.sessionId() + " opened on a node", Duration.ofSeconds(20),
          () -> rig.events().stream().anyMatch(e -> e.endsWith("opened " + c.sessionId())));
    }
    return this;
  }

  /** Has {@code node} send every client {@code 0 .. count-1}, {@code gapMillis} apart, all clients at once. */
  void sendFrom(NodeProcess node, int count, long gapMillis) {
    for (SequencedClient c : clients) {
      sends.add(node.command("send " + c.sessionId() + " " + c.clientId + " 0 " + count + " " + gapMillis));
    }
  }

  /** Waits until some client received {@code n} callbacks: the fault then lands mid-delivery. */
  void awaitAnyReceived(int n) {
    Eventually.await(n + " callbacks at one client", Duration.ofSeconds(30),
        () -> clients.stream().anyMatch(c -> c.receivedCount() >= n));
  }

  /** Waits for every send to be queued, then for each client's last number. */
  void awaitDelivered(int count, Duration max) throws Exception {
    for (CompletableFuture<String> s : sends) {
      s.get(max.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }
    for (SequencedClient c : clients) {
      c.awaitSeq(count - 1, max);
    }
  }

  /** Offers that failed in the store and were sent again: each may be one duplicate at the source. */
  int senderRetries() {
    int retries = 0;
    for (CompletableFuture<String> s : sends) {
      Matcher m = FAILED.matcher(s.join());
      retries += m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
    return retries;
  }

  List<Delivery> deliveries(long sent) {
    return clients.stream().map(c -> c.delivery(sent)).toList();
  }

  /** What the clients received, in one line: acknowledging clients and plain ones apart. */
  String summary(long sent) {
    List<Delivery> acking = clients.stream().filter(c -> c.acks).map(c -> c.delivery(sent)).toList();
    List<Delivery> plain = clients.stream().filter(c -> !c.acks).map(c -> c.delivery(sent)).toList();
    return "acks[" + Delivery.summary(acking) + "] no-acks[" + Delivery.summary(plain) + "] sender-retries="
        + senderRetries() + " clients=" + clients.size();
  }

  /** The longest stall any client saw after {@code fromNanos}. */
  Duration longestStallAfter(long fromNanos) {
    return clients.stream().map(c -> c.longestGapAfter(fromNanos)).max(Duration::compareTo).orElse(Duration.ZERO);
  }

  /**
   * The checks every failure test makes: nothing lost or reordered, at most {@code maxDuplicates}
   * repeated, and no client ever FAULTED.
   */
  void assertDelivered(List<Delivery> all, long maxDuplicates) {
    assertDelivered(all, maxDuplicates, 0);
  }

  /** {@link #assertDelivered(List, long)} where a documented window allows {@code maxLost} in all. */
  void assertDelivered(List<Delivery> all, long maxDuplicates, long maxLost) {
    String summary = Delivery.summary(all);
    for (Delivery d : all) {
      assertEquals(0, d.reordered(), "client " + d.clientId() + " saw a reorder: " + summary);
    }
    long lost = all.stream().mapToLong(Delivery::lost).sum();
    assertTrue(lost <= maxLost, "lost " + lost + " (allowed " + maxLost + "): " + summary + "; lost by client: "
        + all.stream().filter(d -> d.lost() > 0).map(d -> d.clientId() + "=" + d.lostSeqs()).toList());
    long duplicates = all.stream().mapToLong(Delivery::duplicates).sum();
    assertTrue(duplicates <= maxDuplicates, "more duplicates than the bound " + maxDuplicates + ": " + summary);
    for (SequencedClient c : clients) {
      assertFalse(c.everFaulted(), "client " + c.clientId + " FAULTED");
    }
  }

  @Override
  public void close() {
    clients.forEach(SequencedClient::close);
  }
}
