package org.netduplex.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.netduplex.client.ClientState;
import org.netduplex.client.PollingDuplexClient;
import org.netduplex.server.PollingDuplexFeature;
import org.netduplex.stock.IStockService;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.stock.Stock;
import org.netduplex.testing.Eventually;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sample app on a random port, driven by the real client: properties reach the feature, a
 * callback arrives, and the session shows in the health endpoint and the meters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "netduplex.server.poll-timeout=20s",
    "netduplex.server.max-sessions=5",
    "management.endpoints.web.exposure.include=health",
    "management.endpoint.health.show-details=always"})
class StockAppTest {
  @LocalServerPort
  int port;
  @Autowired
  PollingDuplexFeature duplex;
  @Autowired
  MeterRegistry registry;

  @Test
  void propertiesConfigureTheFeatureAndTheRestKeepWcfsDefaults() {
    assertEquals(Duration.ofSeconds(20), duplex.config().pollTimeout());
    assertEquals(5, duplex.config().maxSessions());
    assertEquals(Duration.ofMinutes(10), duplex.config().inactivityTimeout());
    assertEquals(1_000, duplex.config().maxPendingMessagesPerSession());
  }

  @Test
  void aClientRegistersAndItsCallbackArrives() throws Exception {
    BlockingQueue<Stock> quotes = new ArrayBlockingQueue<>(10);
    try (PollingDuplexClient<IStockService> client = PollingDuplexClient
        .builder(URI.create("http://localhost:" + port + "/services/StockService"))
        .callback(IStockServiceCallback.class, quotes::add)
        .build(IStockService.class)) {
      client.service().register();

      Stock quote = quotes.poll(10, TimeUnit.SECONDS);
      assertEquals("AAHH", quote == null ? null : quote.getSymbol());
      assertEquals(ClientState.OPEN, client.state());
      Eventually.await("the client's next poll parked", () -> duplex.metrics().parkedPolls() == 1);

      assertEquals(1, registry.get("netduplex.sessions.open").gauge().value());
      assertEquals(1, registry.get("netduplex.messages.delivered").functionCounter().count());
      String health = get("/actuator/health/netduplex");
      assertTrue(health.contains("\"status\":\"UP\"") && health.contains("\"openSessions\":1"), health);
    }
  }

  private String get(String path) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    return r.body();
  }
}
