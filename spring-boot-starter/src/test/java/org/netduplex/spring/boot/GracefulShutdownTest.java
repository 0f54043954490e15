package org.netduplex.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.netduplex.client.PollingDuplexClient;
import org.netduplex.server.PollingDuplexFeature;
import org.netduplex.stock.IStockService;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.stock.Stock;
import org.netduplex.testing.Eventually;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Closing the context answers a parked poll and ends its session ({@code SERVER_STOPPED}) before the
 * web server's graceful shutdown, which would otherwise wait for the poll: here its poll timeout is
 * 5 minutes and the shutdown phase's timeout 20 s, so a close that waited would take at least 20 s.
 */
class GracefulShutdownTest {
  @Test
  void closingTheContextAnswersTheParkedPollAtOnce() throws Exception {
    ConfigurableApplicationContext context = new SpringApplicationBuilder(StockApp.class).run(
        "--server.port=0", "--server.shutdown=graceful", "--spring.lifecycle.timeout-per-shutdown-phase=20s",
        "--netduplex.server.poll-timeout=5m");
    PollingDuplexFeature duplex = context.getBean(PollingDuplexFeature.class);
    StockApp.QuoteService service = context.getBean(StockApp.QuoteService.class);
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    BlockingQueue<Stock> quotes = new ArrayBlockingQueue<>(10);
    try (PollingDuplexClient<IStockService> client = PollingDuplexClient
        .builder(URI.create("http://localhost:" + port + "/services/StockService"))
        .callback(IStockServiceCallback.class, quotes::add)
        .build(IStockService.class)) {
      client.service().register();
      assertEquals("AAHH", quotes.poll(10, TimeUnit.SECONDS).getSymbol());
      Eventually.await("the client's next poll parked", () -> duplex.metrics().parkedPolls() == 1);

      long start = System.nanoTime();
      context.close();
      Duration closing = Duration.ofNanos(System.nanoTime() - start);

      assertTrue(closing.compareTo(Duration.ofSeconds(10)) < 0, "closing took " + closing);
      assertEquals(List.of("SERVER_STOPPED"), service.ended);
      assertEquals(1, duplex.metrics().pollsAnsweredEmpty()); // answered, not cut
      assertEquals(0, duplex.metrics().parkedPolls());
    }
  }
}
