package org.netduplex.samples.stock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.netduplex.client.ClientState;
import org.netduplex.client.PollingDuplexClient;
import org.netduplex.samples.TwoNodes;
import org.netduplex.stock.IStockService;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.stock.Stock;
import org.netduplex.testing.Eventually;

/**
 * Two stock nodes on one real Redis, a client whose connections alternate between them: the ticker
 * runs on one node, so each quote comes once; the quotes are the cluster's, so a client registering
 * on the other node gets the notes a Sync set on the ticking one; when the ticking node stops, the
 * other ticks and the client, in the same session, goes on getting quotes.
 */
class StockClusterTest {
  private static final Duration TICK = Duration.ofMillis(50);
  private static final int TICKS = 30;

  private final BlockingQueue<Stock> quotes = new LinkedBlockingQueue<>();

  @Test
  void theTickerRunsOnOneNodeAndEachQuoteArrivesOnce() throws Exception {
    try (TwoNodes nodes = TwoNodes.of("stock");
        StockServer a = start(nodes, 0);
        StockServer b = start(nodes, 1);
        PollingDuplexClient<IStockService> client = client(nodes.viaProxy(a.address()))) {
      client.service().register();
      List<Stock> ticked = ticksAfterRegister(TICKS);

      assertTrue(a.ticks() == 0 || b.ticks() == 0, "both nodes ticked: " + a.ticks() + " and " + b.ticks());
      assertEquals(1, (a.tickerRunning() ? 1 : 0) + (b.tickerRunning() ? 1 : 0));
      Set<String> seen = new HashSet<>();
      for (Stock q : ticked) {
        assertTrue(seen.add(key(q)), "quote received twice: " + key(q));
      }

      StockServer holder = a.tickerRunning() ? a : b;
      StockServer other = holder == a ? b : a;
      try (PollingDuplexClient<IStockService> writer = client(URI.create(holder.address()), new LinkedBlockingQueue<>())) {
        writer.service().sync(StockQuotes.stock("CZLP", 35.27, 34.21, "on the ticking node"));
      }
      while (!"on the ticking node".equals(registered(quotes, "CZLP").getNotes())) {
        // one-way: the echo to every subscriber says the notes are recorded
      }
      BlockingQueue<Stock> direct = new LinkedBlockingQueue<>();
      try (PollingDuplexClient<IStockService> late = client(URI.create(other.address()), direct)) {
        late.service().register();
        assertEquals("on the ticking node", registered(direct, "CZLP").getNotes(), "the other node lacks the notes");
      }

      holder.close(); // gives up the lease: the other node takes the ticker over
      Eventually.await("the other node ticks", Duration.ofSeconds(10), other::tickerRunning);
      int before = other.ticks();
      for (int i = 0; i < 5; i++) {
        assertNotNull(quotes.poll(10, TimeUnit.SECONDS), "no quote after the ticker moved");
      }
      Eventually.await("quotes from the new ticker", Duration.ofSeconds(10), () -> other.ticks() > before);
      assertEquals(ClientState.OPEN, client.state(), "the client kept its session");
    }
  }

  /**
   * The next {@code n} ticked quotes: Register's eight, one per symbol in order, are taken out
   * (a tick may come between them: the client joined the group before they were queued).
   */
  private List<Stock> ticksAfterRegister(int n) throws InterruptedException {
    List<Stock> ticks = new ArrayList<>();
    int registered = 0;
    while (ticks.size() < n) {
      Stock q = quotes.poll(10, TimeUnit.SECONDS);
      assertNotNull(q, "a quote is missing after " + ticks.size() + " ticks");
      if (registered < StockServer.SYMBOLS.size() && q.getSymbol().equals(StockServer.SYMBOLS.get(registered))) {
        registered++;
      } else {
        ticks.add(q);
      }
    }
    return ticks;
  }

  private static String key(Stock q) {
    return q.getSymbol() + " " + q.getAsk() + "/" + q.getBid();
  }

  private static StockServer start(TwoNodes nodes, int i) {
    return StockServer.start(new StockServer.Options().port(nodes.port(i)).tickInterval(TICK).config(nodes.config(i)));
  }

  /** The first quote of {@code symbol} on {@code from}. */
  private static Stock registered(BlockingQueue<Stock> from, String symbol) throws InterruptedException {
    while (true) {
      Stock q = from.poll(10, TimeUnit.SECONDS);
      assertNotNull(q, "no quote of " + symbol);
      if (q.getSymbol().equals(symbol)) {
        return q;
      }
    }
  }

  private PollingDuplexClient<IStockService> client(URI address) {
    return client(address, quotes);
  }

  private static PollingDuplexClient<IStockService> client(URI address, BlockingQueue<Stock> into) {
    return PollingDuplexClient.builder(address)
        .callback(IStockServiceCallback.class, into::add)
        .config(TwoNodes.clientConfig())
        .build(IStockService.class);
  }
}
