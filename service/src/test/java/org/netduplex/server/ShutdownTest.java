package org.netduplex.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.netduplex.testing.Eventually;
import org.netduplex.testing.FakeScheduler;
import org.netduplex.testing.SoapHttp;
import org.netduplex.testing.WireClient;

/**
 * Stopping a server answers every parked poll with an empty {@code 200} before the transport closes (not the container's HTML error page, not a cut connection), and the listener hears
 * {@code SERVER_STOPPED} once per session, standalone and in a servlet container alike: the feature
 * closes itself when its endpoint is destroyed.
 */
class ShutdownTest {
  private final FakeScheduler scheduler = new FakeScheduler();
  private final RecordingSessionListener listener = new RecordingSessionListener();

  private DuplexServerConfig config() {
    return DuplexServerConfig.builder().pollTimeout(Duration.ofSeconds(15)).scheduler(scheduler).listener(listener).build();
  }

  @Test
  void destroyingTheEndpointAnswersParkedPollsAndEndsTheSessions() {
    try (DuplexTestServer server = new DuplexTestServer(config())) {
      assertParkedPollsAreAnsweredWhenStopping(server.address, () -> server.feature, server::destroyEndpoint);
    }
  }

  @Test
  void shuttingDownTheBusAnswersParkedPollsAndEndsTheSessions() {
    try (DuplexTestServer server = new DuplexTestServer(config())) {
      assertParkedPollsAreAnsweredWhenStopping(server.address, () -> server.feature, server::shutdownBus);
    }
  }

  @Test
  void undeployingTheServletAnswersParkedPollsAndEndsTheSessions() throws Exception {
    try (ServletContainerServer server = new ServletContainerServer(config(), true)) {
      assertParkedPollsAreAnsweredWhenStopping(server.address, () -> server.feature, () -> {
        try {
          server.stopApplication();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
    }
  }

  /**
   * Jetty stops its connectors before its applications, so it ends parked polls itself before CXF's
   * servlet is destroyed: here (ee11, a bare servlet context) it cuts their connections; a WAR in
   * ee10 gets the feature's empty 200 (samples-war). Stop the application first (docs/protocol.md
   * section 4.3). The sessions still end once, with the feature, when the servlet's bus shuts down.
   */
  @Test
  void stoppingTheWholeJettyStillEndsEverySessionOnce() throws Exception {
    ServletContainerServer server = new ServletContainerServer(config(), true);
    SoapHttp http = new SoapHttp(server.address);
    WireClient client = WireClient.random();
    http.post(WireClient.REGISTER, client.register());
    http.post(WireClient.MAKE_CONNECTION, client.makeConnection());
    CompletableFuture<HttpResponse<String>> poll = http.postAsync(WireClient.MAKE_CONNECTION, client.makeConnection());
    Eventually.await("poll parked", () -> server.feature.metrics().parkedPolls() == 1);

    server.close();

    poll.handle((r, e) -> r).join(); // answered or cut by Jetty; not left hanging
    // Jetty may cut the poll before the servlet's bus shuts down: the end can follow the cut.
    Eventually.await("the session ended", () -> listener.events.size() == 2);
    assertEquals(List.of("opened " + client.sessionId, "ended " + client.sessionId + " SERVER_STOPPED"), listener.events);
  }

  private void assertParkedPollsAreAnsweredWhenStopping(URI address, Supplier<PollingDuplexFeature> feature, Runnable stop) {
    SoapHttp http = new SoapHttp(address);
    List<WireClient> clients = List.of(WireClient.random(), WireClient.random(), WireClient.random());
    for (WireClient c : clients) {
      http.post(WireClient.REGISTER, c.register());
      assertTrue(http.post(WireClient.MAKE_CONNECTION, c.makeConnection()).body().contains("AAHH"));
    }
    List<CompletableFuture<HttpResponse<String>>> polls = clients.stream()
        .map(c -> http.postAsync(WireClient.MAKE_CONNECTION, c.makeConnection())).toList();
    Eventually.await("three polls parked", () -> feature.get().metrics().parkedPolls() == 3);

    stop.run();

    for (CompletableFuture<HttpResponse<String>> poll : polls) {
      HttpResponse<String> answer = poll.join();
      assertEquals(200, answer.statusCode(), answer.body());
      assertEquals("0", answer.headers().firstValue("Content-Length").orElseThrow(), answer.headers().map().toString());
      assertEquals("", answer.body());
    }
    for (WireClient c : clients) {
      assertEquals(1, listener.events.stream().filter(e -> e.equals("ended " + c.sessionId + " SERVER_STOPPED")).count(),
          listener.events.toString());
    }
    assertEquals(0, feature.get().metrics().openSessions());
  }
}
