package org.netduplex.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netduplex.testing.Eventually;
import org.netduplex.testing.FakeScheduler;
import org.netduplex.testing.SoapHttp;
import org.netduplex.testing.WireClient;

/**
 * Thousands of connections that send their request bodies a byte at a time hold no request thread:
 * with them all open and trickling, a fresh client registers and polls, and a client parked before
 * them still receives its callback. The number of slow connections is
 * {@code -Dnetduplex.slowBodies=N} (default 5,000; this machine allows 20,000 file descriptors per
 * process, and each connection costs two here, client and server end).
 */
class SlowBodyTest {
  private static final Logger LOG = Logger.getLogger(SlowBodyTest.class.getName());
  private static final int SLOW = Integer.getInteger("netduplex.slowBodies", 5_000);
  /** A starved server never answers; a served one answers in milliseconds. Only the former fails. */
  private static final Duration BOUND = Duration.ofSeconds(10);

  private final FakeScheduler scheduler = new FakeScheduler();
  private final List<Socket> slow = new ArrayList<>();
  private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
  private DuplexTestServer server;

  @AfterEach
  void stop() throws IOException {
    trickle.shutdownNow();
    for (Socket s : slow) {
      s.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void slowBodiesHoldNoRequestThreadSoFreshAndParkedClientsAreServed() throws Exception {
    server = new DuplexTestServer(DuplexServerConfig.builder().scheduler(scheduler).build(), 32);
    SoapHttp http = new SoapHttp(server.address);
    WireClient parkedClient = WireClient.random();
    http.post(WireClient.REGISTER, parkedClient.register());
    assertTrue(http.post(WireClient.MAKE_CONNECTION, parkedClient.makeConnection()).body().contains("AAHH"));
    CompletableFuture<HttpResponse<String>> parked = HttpClient.newHttpClient().sendAsync(
        HttpRequest.newBuilder(server.address).timeout(Duration.ofMinutes(5)) // parked while the slow ones connect
            .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"" + WireClient.MAKE_CONNECTION + "\"")
            .POST(HttpRequest.BodyPublishers.ofString(parkedClient.makeConnection())).build(),
        HttpResponse.BodyHandlers.ofString());
    Eventually.await("poll parked", () -> server.feature.metrics().parkedPolls() == 1);

    long opening = System.nanoTime();
    for (int i = 0; i < SLOW; i++) {
      slow.add(openSlowRequest(server.address));
    }
    long openMillis = (System.nanoTime() - opening) / 1_000_000;
    trickle.scheduleAtFixedRate(this::sendOneMoreByteEach, 0, 1, TimeUnit.SECONDS);

    // The first request after them queues behind their acceptance; what a client meets afterwards is the point.
    long start = System.nanoTime();
    WireClient first = WireClient.random();
    assertEquals(200, http.post(WireClient.REGISTER, first.register()).statusCode());
    long firstMillis = (System.nanoTime() - start) / 1_000_000;

    WireClient fresh = WireClient.random();
    start = System.nanoTime();
    HttpResponse<String> registered = http.postAsync(WireClient.REGISTER, fresh.register()).get(BOUND.toSeconds(), TimeUnit.SECONDS);
    HttpResponse<String> polled = http.postAsync(WireClient.MAKE_CONNECTION, fresh.makeConnection()).get(BOUND.toSeconds(), TimeUnit.SECONDS);
    long freshMillis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(200, registered.statusCode(), registered.body());
    assertTrue(polled.body().contains("AAHH"), polled.body());

    start = System.nanoTime();
    http.post(WireClient.SYNC, fresh.sync("CZLP", "while " + SLOW + " bodies trickle"));
    HttpResponse<String> delivered = parked.get(BOUND.toSeconds(), TimeUnit.SECONDS);
    long parkedMillis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(delivered.body().contains("while " + SLOW + " bodies trickle"), delivered.body());
    assertTrue(slow.stream().noneMatch(Socket::isClosed));
    LOG.info(() -> SLOW + " slow bodies opened in " + openMillis + " ms; a first Register answered in " + firstMillis
        + " ms, a fresh client's Register + poll in " + freshMillis
        + " ms; parked client's callback delivered " + parkedMillis + " ms after the call");
  }

  /** Headers and the start of a body that declares 4,000 bytes, the rest to come a byte at a time. */
  private static Socket openSlowRequest(URI address) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress(address.getHost(), address.getPort()), 10_000);
    String head = "POST " + address.getPath() + " HTTP/1.1\r\nHost: " + address.getHost() + ":" + address.getPort()
        + "\r\nContent-Type: text/xml; charset=utf-8\r\nSOAPAction: \"" + WireClient.REGISTER
        + "\"\r\nContent-Length: 4000\r\n\r\n<s:Envelope";
    s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    return s;
  }

  private void sendOneMoreByteEach() {
    for (Socket s : slow) {
      try {
        OutputStream out = s.getOutputStream();
        out.write(' ');
        out.flush();
      } catch (IOException e) {
        // the server closed it: counted by the test's last assertion
      }
    }
  }
}
