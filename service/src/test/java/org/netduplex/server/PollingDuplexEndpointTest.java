package org.netduplex.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netduplex.core.NetDuplex;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.testing.Eventually;
import org.netduplex.testing.FakeScheduler;
import org.netduplex.testing.SoapHttp;
import org.netduplex.testing.WireClient;

/** The engine behind a real CXF endpoint on loopback, with time under the test's control. */
class PollingDuplexEndpointTest {
  private static final Duration POLL_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration INACTIVITY_TIMEOUT = Duration.ofMinutes(10);

  private final FakeScheduler scheduler = new FakeScheduler();
  private final RecordingSessionListener listener = new RecordingSessionListener();
  private DuplexTestServer server;
  private SoapHttp http;

  @BeforeEach
  void start() {
    server = new DuplexTestServer(DuplexServerConfig.builder()
        .pollTimeout(POLL_TIMEOUT)
        .inactivityTimeout(INACTIVITY_TIMEOUT)
        .maxQueuedMessagesPerSession(3)
        .scheduler(scheduler)
        .listener(listener)
        .build());
    http = new SoapHttp(server.address);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void oneWayCallIsAnswered200WithEmptyBody() {
    HttpResponse<String> r = http.post(WireClient.REGISTER, WireClient.random().register());
    assertEquals(200, r.statusCode());
    assertEquals("0", r.headers().firstValue("Content-Length").orElseThrow());
    assertEquals("", r.body());
  }

  @Test
  void pollAnswersAQueuedMessageWithTheSessionsDuplexHeader() {
    WireClient client = WireClient.random();
    http.post(WireClient.REGISTER, client.register());
    HttpResponse<String> r = http.post(WireClient.MAKE_CONNECTION, client.makeConnection());
    assertEquals(200, r.statusCode());
    assertEquals("text/xml;charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
    assertTrue(r.body().contains(client.duplexHeader()), r.body());
    assertTrue(r.body().contains("<Symbol>AAHH</Symbol>"), r.body());
  }

  @Test
  void pollsAreServedByTheFrontBeforeTheChainAndCallsAreNot() {
    WireClient client = WireClient.random();
    http.post(WireClient.REGISTER, client.register());
    assertEquals(0, server.feature.front().served());
    HttpResponse<String> r = http.post(WireClient.MAKE_CONNECTION, client.makeConnection());
    assertTrue(r.body().contains("<Symbol>AAHH</Symbol>"), r.body());
    assertEquals(1, server.feature.front().served());
  }

  @Test
  void soap11AnswersCarryNoMessagePendingEvenWhenMoreWait() {
    WireClient client = WireClient.random();
    http.post(WireClient.REGISTER, client.register());
    DuplexSession session = server.feature.sessions().iterator().next();
    Eventually.await("Register queued its quote", () -> session.queuedMessages() == 1);
    session.callback(IStockServiceCallback.class).update(StockServiceLogic.stock("NEXT", 1, 1, null));

    String first = http.post(WireClient.MAKE_CONNECTION, client.makeConnection()).body();

    assertTrue(first.contains("AAHH"), first);
    assertFalse(first.contains("MessagePending"), first); // captures D and F have only netdx:Duplex
    assertTrue(first.startsWith("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Header><netdx:Duplex"), first);
  }

  @Test
  void bothSpellingsOfTheAnonymousUriAreAcceptedAndEchoedUnchanged() {
    for (String prefix : new String[] {NetDuplex.ANONYMOUS_URI_PREFIX, NetDuplex.WCF_ANONYMOUS_URI_PREFIX}) {
      WireClient client = new WireClient(prefix + java.util.UUID.randomUUID(), java.util.UUID.randomUUID().toString());
      assertEquals(200, http.post(WireClient.REGISTER, client.register()).statusCode());

      String answer = http.post(WireClient.MAKE_CONNECTION, client.makeConnection()).body();

      assertTrue(answer.contains("<netdx:Address>" + client.address + "</netdx:Address>"), answer);
    }
  }

  @Test
  void aDuplexHeaderMarkedMustUnderstandIsUnderstood() {
    WireClient client = WireClient.random();
    String header = client.duplexHeader().replace("<netdx:Duplex ", "<netdx:Duplex s:mustUnderstand=\"1\" ");

    HttpResponse<String> register = http.post(WireClient.REGISTER, WireClient.envelope(header, ""));

    assertEquals(200, register.statusCode(), register.body());
    assertTrue(http.post(WireClient.MAKE_CONNECTION, client.makeConnection()).body().contains(client.sessionIdElement()));
  }

  @Test
  void aOneWayCallWithAnUnknownMustUnderstandHeaderGetsAFaultNotA200() {
    WireClient client = WireClient.random();
    String header = client.duplexHeader() + "<x:Secret xmlns:x=\"urn:example\" s:mustUnderstand=\"1\">x</x:Secret>";

    HttpResponse<String> register = http.post(WireClient.REGISTER, WireClient.envelope(header, ""));

    assertEquals(500, register.statusCode(), register.body());
    assertTrue(register.body().contains("MustUnderstand"), register.body());
  }

  @Test
  void aPollWithAnUnknownMustUnderstandHeaderIsLeftToTheChainWhichFaultsIt() {
    WireClient client = WireClient.random();
    http.post(WireClient.REGISTER, client.register());
    String poll = client.makeConnection().replace("<s:Body>",
        "<s:Header><x:Secret xmlns:x=\"urn:example\" s:mustUnderstand=\"1\">x</x:Secret></s:Header><s:Body>");
    assertTrue(poll.contains("x:Secret"), poll);

    HttpResponse<String> r = http.post(WireClient.MAKE_CONNECTION, poll);

    assertEquals(500, r.statusCode(), r.body());
    assertTrue(r.body().contains("MustUnderstand"), r.body());
    assertEquals(0, server.feature.front().served());
    assertTrue(http.post(WireClient.MAKE_CONNECTION, client.makeConnection()).body().contains("AAHH")); // nothing lost
    assertEquals(1, server.feature.front().served());
  }

  @Test
  void parkedPollIsAnsweredAsSoonAsAMessageIsQueued() throws Exception {
    WireClient client = registeredAndDrained();
    CompletableFuture<HttpResponse<String>> poll = http.postAsync(WireClient.MAKE_CONNECTION, client.makeConnection());
    Eventually.await("poll parked", () -> server.feature.metrics().parkedPolls() == 1);
    assertFalse(poll.isDone());

    http.post(WireClient.SYNC, client.sync("CZLP", "Notes added from Internet Explorer"));

    HttpResponse<String> r = poll.get(10, TimeUnit.SECONDS);
    assertTrue(r.body().contains("<Notes>Notes added from Internet Explorer</Notes>"), r.body());
    assertEquals(0, server.feature.metrics().parkedPolls());
  }

  @Test
  void parkedPollIsAnsweredEmptyWhenThePollTimeoutPasses() throws Exception {
    WireClient client = registeredAndDrained();
    CompletableFuture<HttpResponse<String>> poll = http.postAsync(WireClient.MAKE_CONNECTION, client.makeConnection());
    Eventually.await("poll parked", () -> server.feature.metrics().parkedPolls() == 1);

    scheduler.advanceBy(POLL_TIMEOUT.minusMillis(1));
    assertFalse(poll.isDone(), "answered before the poll timeout");
    scheduler.advanceBy(Duration.ofMillis(1));

    HttpResponse<String> r = poll.get(10, TimeUnit.SECONDS);
    assertEquals(200, r.statusCode());
    assertEquals("", r.body());
    assertEquals("0", r.headers().firstValue("Content-Length").orElseThrow());
  }

  @Test
  void newerPollAnswersTheOlderOneEmptyInsteadOfStrandingIt() throws Exception {
    WireClient client = registeredAndDrained();
    CompletableFuture<HttpResponse<String>> first = http.postAsync(WireClient.MAKE_CONNECTION, client.makeConnection());
    Eventually.await("first poll parked", () -> server.feature.metrics().parkedPolls() == 1);
    CompletableFuture<HttpResponse<String>> second = http.postAsync(WireClient.MAKE_CONNECTION, client.makeConnection());

    assertEquals("", first.get(10, TimeUnit.SECONDS).body());
    Eventually.await("second poll parked", () -> server.feature.metrics().parkedPolls() == 1 && !second.isDone());
    http.post(WireClient.SYNC, client.sync("CZLP", "to the newer poll"));
    assertTrue(second.get(10, TimeUnit.SECONDS).body().contains("to the newer poll"));
  }

  @Test
  void inactivityEndsTheSessionAndLaterTrafficNamingItGetsAFault() {
    WireClient client = registeredAndDrained();
    String id = client.sessionId;

    scheduler.advanceBy(INACTIVITY_TIMEOUT.minusSeconds(1));
    assertEquals(1, server.feature.metrics().openSessions());
    scheduler.advanceBy(Duration.ofSeconds(1).plus(server.feature.config().inactivityTimeout().dividedBy(10)));

    assertEquals(0, server.feature.metrics().openSessions());
    assertTrue(listener.events.contains("ended " + id + " INACTIVITY_TIMEOUT"), listener.events.toString());
    HttpResponse<String> call = http.post(WireClient.REGISTER, client.register());
    assertEquals(500, call.statusCode());
    assertTrue(call.body().contains("SessionEnded</faultcode>"), call.body());
    HttpResponse<String> poll = http.post(WireClient.MAKE_CONNECTION, client.makeConnection());
    assertEquals(500, poll.statusCode());
    assertTrue(poll.body().contains("UnknownAddress</faultcode>"), poll.body());
  }

  @Test
  void pollsKeepASessionAlive() {
    WireClient client = registeredAndDrained();
    for (int i = 0; i < 3; i++) {
      scheduler.advanceBy(INACTIVITY_TIMEOUT.dividedBy(2));
      http.postAsync(WireClient.MAKE_CONNECTION, client.makeConnection());
      Eventually.await("poll parked", () -> server.feature.metrics().parkedPolls() == 1);
      scheduler.advanceBy(Duration.ZERO);
    }
    assertEquals(1, server.feature.metrics().openSessions());
  }

  @Test
  void parkedPollOfASessionThatEndsIsAnsweredWithAFault() throws Exception {
    WireClient client = registeredAndDrained();
    CompletableFuture<HttpResponse<String>> poll = http.postAsync(WireClient.MAKE_CONNECTION, client.makeConnection());
    Eventually.await("poll parked", () -> server.feature.metrics().parkedPolls() == 1);

    server.feature.sessions().iterator().next().close();

    HttpResponse<String> r = poll.get(10, TimeUnit.SECONDS);
    assertEquals(500, r.statusCode());
    assertTrue(r.body().contains("SessionEnded</faultcode>"), r.body());
    assertTrue(listener.events.contains("ended " + client.sessionId + " CLOSED_BY_SERVICE"));
    assertEquals(2, server.feature.front().served()); // parked by the front, faulted by the chain it handed it to
  }

  @Test
  void callbackQueueRefusesBeyondItsBoundAndTellsTheListener() {
    WireClient client = WireClient.random();
    http.post(WireClient.REGISTER, client.register());
    DuplexSession session = server.feature.sessions().iterator().next();
    // One-way: the 200 comes before Register runs, as with WCF; wait for its quote, 1 of 3.
    Eventually.await("Register queued its quote", () -> session.queuedMessages() == 1);
    IStockServiceCallback callback = session.callback(IStockServiceCallback.class);
    callback.update(StockServiceLogic.stock("X", 1, 1, null));
    callback.update(StockServiceLogic.stock("Y", 1, 1, null));

    CallbackQueueFullException e = assertThrows(CallbackQueueFullException.class,
        () -> callback.update(StockServiceLogic.stock("Z", 1, 1, null)));
    assertTrue(e.getMessage().contains(client.sessionId.substring(0, 8) + "…"), e.getMessage()); // shortened for logs
    assertEquals(client.sessionId, e.session().id());
    assertTrue(listener.events.contains("refused " + client.sessionId));
    assertEquals(3, session.queuedMessages());
    assertEquals(1, server.feature.metrics().messagesRefused());
  }

  @Test
  void callbackOnAnEndedSessionFailsClearly() {
    WireClient client = WireClient.random();
    http.post(WireClient.REGISTER, client.register());
    DuplexSession session = server.feature.sessions().iterator().next();
    IStockServiceCallback callback = session.callback(IStockServiceCallback.class);
    session.close();

    SessionEndedException e = assertThrows(SessionEndedException.class,
        () -> callback.update(StockServiceLogic.stock("X", 1, 1, null)));
    assertTrue(e.getMessage().contains(client.sessionId.substring(0, 8) + "…"), e.getMessage()); // shortened for logs
    assertEquals(client.sessionId, e.session().id());
    assertFalse(session.isOpen());
  }

  @Test
  void sessionsBehindOneAddressShareItsPoll() {
    WireClient first = WireClient.random();
    WireClient second = first.anotherSessionOnSameAddress();
    http.post(WireClient.REGISTER, first.register());
    http.post(WireClient.REGISTER, second.register());

    String a = http.post(WireClient.MAKE_CONNECTION, first.makeConnection()).body();
    String b = http.post(WireClient.MAKE_CONNECTION, first.makeConnection()).body();

    assertTrue(a.contains(first.duplexHeader()), a);
    assertTrue(b.contains(second.duplexHeader()), b);
    assertEquals(2, server.feature.metrics().openSessions());
  }

  @Test
  void maxSessionsRefusesOneMoreWithAFault() {
    server.close();
    server = new DuplexTestServer(DuplexServerConfig.builder().maxSessions(1).scheduler(scheduler).build());
    http = new SoapHttp(server.address);
    assertEquals(200, http.post(WireClient.REGISTER, WireClient.random().register()).statusCode());

    HttpResponse<String> r = http.post(WireClient.REGISTER, WireClient.random().register());
    assertEquals(500, r.statusCode());
    assertTrue(r.body().contains("ServerTooBusy</faultcode>"), r.body());
  }

  @Test
  void closingTheFeatureAnswersParkedPollsAndEndsSessions() throws Exception {
    WireClient client = registeredAndDrained();
    CompletableFuture<HttpResponse<String>> poll = http.postAsync(WireClient.MAKE_CONNECTION, client.makeConnection());
    Eventually.await("poll parked", () -> server.feature.metrics().parkedPolls() == 1);

    server.feature.close();
    server.feature.close(); // idempotent

    HttpResponse<String> answer = poll.get(10, TimeUnit.SECONDS);
    assertEquals(200, answer.statusCode()); // empty, as a poll timeout: docs/protocol.md section 4.3
    assertEquals("", answer.body());
    assertTrue(listener.events.contains("ended " + client.sessionId + " SERVER_STOPPED"));
  }

  /** A registered client whose Register quote was already polled away. */
  private WireClient registeredAndDrained() {
    WireClient client = WireClient.random();
    long delivered = server.feature.metrics().messagesDelivered();
    http.post(WireClient.REGISTER, client.register());
    assertTrue(http.post(WireClient.MAKE_CONNECTION, client.makeConnection()).body().contains("AAHH"));
    // The server counts a delivery (and its activity) just after the write: wait for it before
    // moving the fake clock, or the activity lands at the moved time.
    Eventually.await("delivery counted", () -> server.feature.metrics().messagesDelivered() > delivered);
    return client;
  }
}
