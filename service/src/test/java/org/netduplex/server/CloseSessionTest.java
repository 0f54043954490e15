package org.netduplex.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.testing.Eventually;
import org.netduplex.testing.FakeScheduler;
import org.netduplex.testing.SoapHttp;
import org.netduplex.testing.WireClient;

/**
 * {@code netdx:CloseSession} inside {@code netdx:Duplex} (docs/protocol.md section 4.1): the session
 * is half-closed, its queued callbacks are still delivered, then it ends as CLOSED_BY_CLIENT.
 */
class CloseSessionTest {
  private static final Duration INACTIVITY_TIMEOUT = Duration.ofMinutes(10);

  private final FakeScheduler scheduler = new FakeScheduler();
  private final RecordingSessionListener listener = new RecordingSessionListener();
  private DuplexTestServer server;
  private SoapHttp http;

  @BeforeEach
  void start() {
    server = new DuplexTestServer(DuplexServerConfig.builder()
        .inactivityTimeout(INACTIVITY_TIMEOUT).scheduler(scheduler).listener(listener).build());
    http = new SoapHttp(server.address);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** A service call carrying netdx:CloseSession, with {@code body} (empty: a bare close). */
  static String close(WireClient client, String body) {
    return WireClient.envelope(client.duplexHeader().replace("</netdx:Duplex>", "<netdx:CloseSession/></netdx:Duplex>"), body);
  }

  @Test
  void aBareCloseIsAnswered200EmptyAndQueuedCallbacksAreStillDeliveredBeforeTheSessionEnds() throws Exception {
    WireClient client = WireClient.random();
    http.post(WireClient.REGISTER, client.register());
    DuplexSession session = server.feature.sessions().iterator().next();
    Eventually.await("Register queued its quote", () -> session.queuedMessages() == 1);

    HttpResponse<String> closed = http.post(WireClient.REGISTER, close(client, ""));

    assertEquals(200, closed.statusCode(), closed.body());
    assertEquals("0", closed.headers().firstValue("Content-Length").orElseThrow());
    assertEquals("", closed.body());
    assertFalse(session.isOpen(), "half-closed: no more callbacks");
    assertThrows(SessionEndedException.class,
        () -> session.callback(IStockServiceCallback.class).update(StockServiceLogic.stock("X", 1, 1, null)));
    assertEquals(List.of("opened " + client.sessionId), listener.events, "still draining");
    HttpResponse<String> call = http.post(WireClient.REGISTER, client.register());
    assertEquals(500, call.statusCode());
    assertTrue(call.body().contains("ndf:SessionEnded</faultcode>"), call.body());

    HttpResponse<String> poll = http.post(WireClient.MAKE_CONNECTION, client.makeConnection());

    assertTrue(poll.body().contains("<Symbol>AAHH</Symbol>"), poll.body());
    // The server ends the drained session in delivered(), after the write the client may see first.
    Eventually.await("session ended", () -> server.feature.metrics().openSessions() == 0
        && listener.events.contains("ended " + client.sessionId + " CLOSED_BY_CLIENT"));
    assertEquals(List.of("opened " + client.sessionId, "ended " + client.sessionId + " CLOSED_BY_CLIENT"), listener.events);
    assertEquals(0, server.feature.metrics().messagesDropped());
    // The address is gone, so this poll is refused at once; bounded so a regression fails, never hangs.
    HttpResponse<String> after = http.postAsync(WireClient.MAKE_CONNECTION, client.makeConnection()).get(10, TimeUnit.SECONDS);
    assertTrue(after.body().contains("UnknownAddress"), after.body());
  }

  @Test
  void aBareCloseNamingAnUnknownSessionIsAnswered200EmptyAndOpensNoSession() {
    WireClient stranger = WireClient.random();

    HttpResponse<String> closed = http.post(WireClient.REGISTER, close(stranger, ""));

    assertEquals(200, closed.statusCode(), closed.body());
    assertEquals("0", closed.headers().firstValue("Content-Length").orElseThrow());
    assertEquals(List.of(), listener.events, "no session opened, none ended");
    assertEquals(0, server.feature.metrics().sessionsOpened());
    assertEquals(0, server.feature.metrics().openSessions());
    // Nothing was remembered as ended either: the id can still open a session.
    assertEquals(200, http.post(WireClient.REGISTER, stranger.register()).statusCode());
    assertEquals(List.of("opened " + stranger.sessionId), listener.events);
  }

  @Test
  void aBareCloseNamingAnEndedSessionIsAnswered200EmptyAndOpensNothing() {
    WireClient client = registeredAndDrained();
    assertEquals(200, http.post(WireClient.REGISTER, close(client, "")).statusCode());
    Eventually.await("session ended", () -> server.feature.metrics().openSessions() == 0);

    HttpResponse<String> again = http.post(WireClient.REGISTER, close(client, ""));

    assertEquals(200, again.statusCode(), again.body());
    assertEquals("", again.body());
    assertEquals(List.of("opened " + client.sessionId, "ended " + client.sessionId + " CLOSED_BY_CLIENT"), listener.events);
    assertEquals(1, server.feature.metrics().sessionsOpened());
  }

  @Test
  void aCloseWithNothingQueuedEndsTheSessionAtOnceAndReleasesItsParkedPollEmpty() throws Exception {
    WireClient client = registeredAndDrained();
    CompletableFuture<HttpResponse<String>> poll = http.postAsync(WireClient.MAKE_CONNECTION, client.makeConnection());
    Eventually.await("poll parked", () -> server.feature.metrics().parkedPolls() == 1);

    assertEquals(200, http.post(WireClient.REGISTER, close(client, "")).statusCode());

    HttpResponse<String> released = poll.get(10, TimeUnit.SECONDS);
    assertEquals(200, released.statusCode());
    assertEquals("", released.body());
    assertTrue(listener.events.contains("ended " + client.sessionId + " CLOSED_BY_CLIENT"), listener.events.toString());
    assertEquals(0, server.feature.metrics().parkedPolls());
  }

  @Test
  void aCloseOnACallWithABodyRunsTheCallFirstAndItsCallbacksAreDelivered() {
    WireClient client = registeredAndDrained();
    String sync = client.sync("LAST", "sent with the close");
    String body = sync.substring(sync.indexOf("<s:Body>") + 8, sync.indexOf("</s:Body>"));

    assertEquals(200, http.post(WireClient.SYNC, close(client, body)).statusCode());

    // Sync echoes to every open session, this one included, before the close applies.
    HttpResponse<String> poll = http.post(WireClient.MAKE_CONNECTION, client.makeConnection());
    assertTrue(poll.body().contains("<Notes>sent with the close</Notes>"), poll.body());
    Eventually.await("session ended", () -> listener.events.contains("ended " + client.sessionId + " CLOSED_BY_CLIENT"));
  }

  @Test
  void aHalfClosedSessionWhoseClientStopsPollingEndsAtTheInactivityTimeoutDroppingWhatWasLeft() {
    WireClient client = WireClient.random();
    http.post(WireClient.REGISTER, client.register());
    DuplexSession session = server.feature.sessions().iterator().next();
    Eventually.await("Register queued its quote", () -> session.queuedMessages() == 1);
    http.post(WireClient.REGISTER, close(client, ""));

    scheduler.advanceBy(INACTIVITY_TIMEOUT.plus(server.feature.config().inactivityTimeout().dividedBy(10)));

    assertTrue(listener.events.contains("ended " + client.sessionId + " CLOSED_BY_CLIENT"), listener.events.toString());
    assertEquals(1, server.feature.metrics().messagesDropped());
  }

  private WireClient registeredAndDrained() {
    WireClient client = WireClient.random();
    http.post(WireClient.REGISTER, client.register());
    assertTrue(http.post(WireClient.MAKE_CONNECTION, client.makeConnection()).body().contains("AAHH"));
    return client;
  }
}
