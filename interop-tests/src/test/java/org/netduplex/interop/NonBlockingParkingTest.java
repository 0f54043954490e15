package org.netduplex.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.netduplex.samples.stock.StockServer;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.testing.Eventually;
import org.netduplex.testing.SoapHttp;
import org.netduplex.testing.WireClient;

/**
 * Parked polls hold no thread: 2,000 polls wait at once on a server with at most 32 request threads,
 * and a single broadcast answers them all.
 */
class NonBlockingParkingTest {
  private static final int CLIENTS = 2_000;
  private static final int MAX_SERVER_THREADS = 32;

  @Test
  void twoThousandParkedPollsOn32ThreadsAreAllAnsweredByOneBroadcast() throws Exception {
    try (StockServer server = StockServer.start(new StockServer.Options()
        .port(FreePort.find())
        .maxThreads(MAX_SERVER_THREADS)
        .tickInterval(Duration.ZERO)
        .config(DuplexServerConfig.builder().pollTimeout(Duration.ofMinutes(2)).build()))) {
      SoapHttp http = new SoapHttp(URI.create(server.address()));
      List<WireClient> clients = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        WireClient c = WireClient.random();
        assertEquals(200, http.post(WireClient.REGISTER, c.register()).statusCode());
        clients.add(c);
      }
      drainRegisterQuotes(http, clients);

      List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
      for (WireClient c : clients) {
        polls.add(http.postAsync(WireClient.MAKE_CONNECTION, c.makeConnection()));
      }
      Eventually.await("all polls parked", Duration.ofSeconds(60),
          () -> server.metrics().parkedPolls() == CLIENTS);
      long serverThreads = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().startsWith("netduplex-http")).count();
      assertTrue(serverThreads <= MAX_SERVER_THREADS, serverThreads + " server threads");
      assertTrue(polls.stream().noneMatch(CompletableFuture::isDone), "a poll was answered before the broadcast");

      server.tickNow();

      for (int i = 0; i < CLIENTS; i++) {
        HttpResponse<String> r = polls.get(i).get(60, TimeUnit.SECONDS);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains(clients.get(i).sessionIdElement()) && r.body().contains("<Symbol>"), r.body());
      }
      System.out.printf("%d polls parked and answered by one broadcast; %d server request threads (cap %d)%n",
          CLIENTS, serverThreads, MAX_SERVER_THREADS);
    }
  }

  /** Register queued every current quote; poll them away so the next poll parks. */
  private static void drainRegisterQuotes(SoapHttp http, List<WireClient> clients) throws Exception {
    List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
    for (WireClient c : clients) {
      for (int q = 0; q < StockServer.SYMBOLS.size(); q++) {
        inFlight.add(http.postAsync(WireClient.MAKE_CONNECTION, c.makeConnection()));
      }
      if (inFlight.size() >= 400) {
        awaitAll(inFlight);
      }
    }
    awaitAll(inFlight);
  }

  private static void awaitAll(List<CompletableFuture<HttpResponse<String>>> inFlight) throws Exception {
    for (CompletableFuture<HttpResponse<String>> f : inFlight) {
      assertTrue(f.get(60, TimeUnit.SECONDS).body().contains("<Symbol>"));
    }
    inFlight.clear();
  }
}
