package org.netduplex.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.stock.IStockService;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.stock.Stock;
import org.netduplex.testing.Eventually;

/**
 * 1,000 clients in one JVM, each with its own session and a parked poll, all receive one broadcast
 * from one server; the client side runs on the shared runtime's few threads. Prints the numbers the
 * issue asks for (threads, wall time): this is a proof of scale, not a benchmark.
 */
class ThousandClientsTest {
  private static final int CLIENTS = 1_000;

  @Test
  void aThousandClientsEachReceiveOneBroadcast() throws Exception {
    try (StockTestServer server = new StockTestServer(DuplexServerConfig.builder().pollTimeout(Duration.ofSeconds(30)).build(),
        StockTestServer.freePort(), 32)) {
      CountDownLatch registered = new CountDownLatch(CLIENTS);
      CountDownLatch broadcastSeen = new CountDownLatch(CLIENTS);
      AtomicInteger wrong = new AtomicInteger();
      List<PollingDuplexClient<IStockService>> clients = Collections.synchronizedList(new ArrayList<>());
      IStockServiceCallback callback = (Stock s) -> {
        switch (s.getSymbol()) {
          case "AAHH" -> registered.countDown();
          case "BCAST" -> broadcastSeen.countDown();
          default -> wrong.incrementAndGet();
        }
      };
      // Users' threads make the calls (service calls are synchronous); 8 callers start the 1,000 sessions.
      ExecutorService callers = Executors.newFixedThreadPool(8);
      long start = System.nanoTime();
      try {
        List<Future<?>> started = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
          started.add(callers.submit(() -> {
            PollingDuplexClient<IStockService> client = PollingDuplexClient.builder(server.address)
                .callback(IStockServiceCallback.class, callback)
                .config(DuplexClientConfig.builder().serverPollTimeout(Duration.ofSeconds(30)).build())
                .build(IStockService.class);
            clients.add(client);
            client.service().register();
          }));
        }
        for (Future<?> f : started) {
          f.get(120, TimeUnit.SECONDS);
        }
        callers.shutdown();
        assertTrue(registered.await(60, TimeUnit.SECONDS), "registered: " + (CLIENTS - registered.getCount()));
        long registeredAt = System.nanoTime();
        Eventually.await("all polls parked", Duration.ofSeconds(60),
            () -> server.feature.metrics().parkedPolls() == CLIENTS);
        long clientThreads = threads("netduplex-client-");
        long httpThreads = threads("HttpClient-");
        int jvmThreads = Thread.getAllStackTraces().size();

        long sent = System.nanoTime();
        int queued = server.feature.broadcast(IStockServiceCallback.class, c -> c.update(StockTestServer.stock("BCAST", 1, 1, null)));

        assertEquals(CLIENTS, queued);
        assertTrue(broadcastSeen.await(60, TimeUnit.SECONDS), "saw the broadcast: " + (CLIENTS - broadcastSeen.getCount()));
        long done = System.nanoTime();
        assertEquals(0, wrong.get());
        assertTrue(clientThreads <= 2 + 1 + Math.max(2, Runtime.getRuntime().availableProcessors()),
            "client runtime threads: " + clientThreads);
        System.out.printf("ThousandClientsTest: %d clients registered in %d ms; broadcast to all in %d ms; "
                + "client runtime threads %d, HttpClient threads %d, JVM threads %d (server included)%n",
            CLIENTS, ms(registeredAt - start), ms(done - sent), clientThreads, httpThreads, jvmThreads);
      } finally {
        callers.shutdownNow();
        clients.forEach(PollingDuplexClient::close);
      }
    }
  }

  private static long ms(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  private static long threads(String prefix) {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).count();
  }
}
