package org.netduplex.samples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.client.PollingDuplexClient;
import org.netduplex.stock.IStockService;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.stock.Stock;
import org.netduplex.testing.RedisServer;

/** The README's cluster section is quoted from compiled sources, and two nodes of it on a real Redis work as it says. */
class ReadmeClusterExampleTest {
  @Test
  void readmeQuotesTheClusterExampleVerbatim() throws IOException {
    String readme = ReadmeSnippets.readme();
    assertTrue(readme.contains(ReadmeSnippets.snippet("ClusterQuoteService.java", "cluster-service")),
        "README cluster service snippet is stale");
    assertTrue(readme.contains(ReadmeSnippets.snippet("ClusterExample.java", "cluster-node")),
        "README cluster node snippet is stale");
  }

  @Test
  void twoNodesTickOnceAndASyncOnOneNodeReachesAClientOfTheOther() throws Exception {
    RedisServer.assumeInstalled();
    AtomicInteger ticksA = new AtomicInteger();
    AtomicInteger ticksB = new AtomicInteger();
    BlockingQueue<Stock> onA = new LinkedBlockingQueue<>();
    BlockingQueue<Stock> onB = new LinkedBlockingQueue<>();
    try (RedisServer redis = RedisServer.builder().start();
        ClusterExample.Node a = ClusterExample.start(redis.uri(), "a", address(), ticker(ticksA));
        ClusterExample.Node b = ClusterExample.start(redis.uri(), "b", address(), ticker(ticksB));
        PollingDuplexClient<IStockService> clientA = client(a, onA);
        PollingDuplexClient<IStockService> clientB = client(b, onB)) {
      clientA.service().register();
      clientB.service().register();
      for (int i = 0; i < 3; i++) { // ticks, once a second, whichever node runs the ticker
        assertEquals("TICK", next(onA).getSymbol());
        assertEquals("TICK", next(onB).getSymbol());
      }
      assertTrue(ticksA.get() == 0 || ticksB.get() == 0, "both nodes ticked: " + ticksA + " and " + ticksB);

      clientB.service().sync(quote("NOTE"));
      assertEquals("NOTE", nextOther(onA).getSymbol(), "a Sync on node B reaches node A's client");
    }
  }

  private static Supplier<Stock> ticker(AtomicInteger count) {
    return () -> {
      count.incrementAndGet();
      return quote("TICK");
    };
  }

  private static Stock quote(String symbol) {
    Stock s = new Stock();
    s.setSymbol(symbol);
    return s;
  }

  private static String address() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return "http://localhost:" + s.getLocalPort() + "/StockService";
    }
  }

  private static PollingDuplexClient<IStockService> client(ClusterExample.Node node, BlockingQueue<Stock> into) {
    return PollingDuplexClient.builder(URI.create(node.server().getEndpoint().getEndpointInfo().getAddress()))
        .callback(IStockServiceCallback.class, into::add)
        .config(DuplexClientConfig.builder().serverPollTimeout(java.time.Duration.ofSeconds(1)).build())
        .build(IStockService.class);
  }

  private static Stock next(BlockingQueue<Stock> quotes) throws InterruptedException {
    Stock q = quotes.poll(10, TimeUnit.SECONDS);
    assertNotNull(q, "no quote came");
    return q;
  }

  /** The next quote that is not a tick. */
  private static Stock nextOther(BlockingQueue<Stock> quotes) throws InterruptedException {
    Stock q;
    do {
      q = next(quotes);
    } while (q.getSymbol().equals("TICK"));
    return q;
  }
}
