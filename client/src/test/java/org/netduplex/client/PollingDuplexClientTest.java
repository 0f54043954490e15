package org.netduplex.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netduplex.client.internal.SessionCloser;
import org.netduplex.client.internal.WireMessages;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.DuplexMode;
import org.netduplex.core.NetDuplex;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.DuplexSession;
import org.netduplex.server.SessionEndReason;
import org.netduplex.stock.IStockService;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.stock.Stock;
import org.netduplex.testing.Eventually;
import org.netduplex.testing.FakeScheduler;
import org.netduplex.testing.SoapHttp;
import org.netduplex.testing.WireClient;

/** The client against the real server engine on a loopback port. */
class PollingDuplexClientTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  private StockTestServer server(DuplexServerConfig config) {
    StockTestServer server = new StockTestServer(config);
    toClose.add(server);
    return server;
  }

  private PollingDuplexClient<IStockService> client(StockTestServer server, Recorder recorder, DuplexClientConfig config) {
    return client(server.address, recorder, config);
  }

  private PollingDuplexClient<IStockService> client(URI endpoint, Recorder recorder, DuplexClientConfig config) {
    PollingDuplexClient<IStockService> client = PollingDuplexClient.builder(endpoint)
        .callback(IStockServiceCallback.class, recorder)
        .listener(recorder)
        .config(config)
        .build(IStockService.class);
    toClose.add(client);
    return client;
  }

  private static DuplexServerConfig fastPolls() {
    return DuplexServerConfig.builder().pollTimeout(Duration.ofMillis(200)).build();
  }

  private static DuplexClientConfig clientConfig() {
    return DuplexClientConfig.builder().serverPollTimeout(Duration.ofMillis(200))
        .initialBackoff(Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(100)).build();
  }

  @Test
  void registerStartsPollingAndTheQuoteArrivesOnTheCallback() throws Exception {
    StockTestServer server = server(fastPolls());
    Recorder recorder = new Recorder();
    PollingDuplexClient<IStockService> client = client(server, recorder, clientConfig());
    assertEquals(ClientState.CREATED, client.state());

    client.service().register();

    Stock quote = recorder.next(WAIT);
    assertEquals("AAHH", quote.getSymbol());
    assertEquals(256.7, quote.getAsk());
    assertNull(quote.getNotes());
    Eventually.await("client open", () -> client.state() == ClientState.OPEN);
    assertTrue(client.identity().address().startsWith(NetDuplex.WCF_ANONYMOUS_URI_PREFIX), client.identity().address());
    assertTrue(recorder.callbackThreads.get(0).startsWith("netduplex-client-callback"), recorder.callbackThreads.toString());
  }

  @Test
  void syncWithNotesReachesASecondClient() throws Exception {
    StockTestServer server = server(fastPolls());
    Recorder first = new Recorder();
    Recorder second = new Recorder();
    PollingDuplexClient<IStockService> a = client(server, first, clientConfig());
    PollingDuplexClient<IStockService> b = client(server, second, clientConfig());
    a.service().register();
    b.service().register();
    first.next(WAIT);
    second.next(WAIT);

    a.service().sync(StockTestServer.stock("CZLP", 227.69, 226.74, "Notes added from Java"));

    Stock seen = second.next(WAIT);
    assertEquals("CZLP", seen.getSymbol());
    assertEquals("Notes added from Java", seen.getNotes());
    assertEquals("CZLP", first.next(WAIT).getSymbol());
  }

  @Test
  void emptyPollAnswersAreFollowedByANewPollAndLaterMessagesStillArrive() throws Exception {
    StockTestServer server = server(fastPolls());
    Recorder recorder = new Recorder();
    PollingDuplexClient<IStockService> client = client(server, recorder, clientConfig());
    client.service().register();
    recorder.next(WAIT);
    long before = server.feature.metrics().pollsAnsweredEmpty();

    Eventually.await("three polls timed out empty", () -> server.feature.metrics().pollsAnsweredEmpty() >= before + 3);
    server.feature.broadcast(IStockServiceCallback.class,
        c -> c.update(StockTestServer.stock("LATE", 1, 1, null)));

    assertEquals("LATE", recorder.next(WAIT).getSymbol());
    assertEquals(ClientState.OPEN, client.state());
    assertTrue(recorder.rejections.isEmpty(), recorder.rejections.toString());
  }

  @Test
  void callbacksOfOneClientRunInArrivalOrderOnTheGivenExecutor() throws Exception {
    StockTestServer server = server(fastPolls());
    Recorder recorder = new Recorder();
    ExecutorService pool = Executors.newFixedThreadPool(4, r -> new Thread(r, "user-pool"));
    toClose.add(pool::shutdownNow);
    PollingDuplexClient<IStockService> client = PollingDuplexClient.builder(server.address)
        .callback(IStockServiceCallback.class, recorder)
        .callbackExecutor(pool)
        .config(clientConfig())
        .build(IStockService.class);
    toClose.add(client);
    client.service().register();
    recorder.next(WAIT);

    for (int i = 0; i < 50; i++) {
      client.service().sync(StockTestServer.stock("S" + i, i, i, null));
    }

    for (int i = 0; i < 50; i++) {
      assertEquals("S" + i, recorder.next(WAIT).getSymbol());
    }
    assertTrue(recorder.callbackThreads.stream().allMatch("user-pool"::equals), recorder.callbackThreads.toString());
  }

  @Test
  void aSessionEndedByTheServerFaultsTheClientAndLaterCallsSaySo() throws Exception {
    StockTestServer server = server(fastPolls());
    Recorder recorder = new Recorder();
    PollingDuplexClient<IStockService> client = client(server, recorder, clientConfig());
    client.service().register();
    recorder.next(WAIT);

    for (DuplexSession s : server.feature.sessions()) {
      s.close();
    }

    Eventually.await("client faulted", () -> client.state() == ClientState.FAULTED);
    DuplexFaultException cause = assertInstanceOf(DuplexFaultException.class, recorder.causes.get(recorder.causes.size() - 1));
    assertEquals(NetDuplex.FAULTS_NS, cause.code().getNamespaceURI());
    SessionFaultedException refused = assertThrows(SessionFaultedException.class, () -> client.service().register());
    assertTrue(refused.getMessage().contains("build a new client"), refused.getMessage());
    assertEquals(List.of(ClientState.CONNECTING, ClientState.OPEN, ClientState.FAULTED), recorder.states);
  }

  @Test
  void aSessionThatExpiredOnTheServerDuringANetworkCutFaultsTheClientWhenTheLinkComesBack() throws Exception {
    FakeScheduler serverTime = new FakeScheduler();
    StockTestServer server = server(DuplexServerConfig.builder().scheduler(serverTime)
        .pollTimeout(Duration.ofSeconds(15)).inactivityTimeout(Duration.ofMinutes(10)).build());
    CuttableTcpProxy link = new CuttableTcpProxy(server.port());
    toClose.add(link);
    Recorder recorder = new Recorder();
    PollingDuplexClient<IStockService> client = client(link.via(server.address), recorder, clientConfig());
    client.service().register();
    recorder.next(WAIT);
    Eventually.await("poll parked", () -> server.feature.metrics().parkedPolls() == 1);

    link.cut(); // no poll can reach the server, so nothing renews the session
    Eventually.await("client retrying", () -> client.state() == ClientState.CONNECTING);
    serverTime.advanceBy(Duration.ofMinutes(11));
    Eventually.await("session expired", () -> server.feature.sessions().isEmpty());
    link.restore();

    Eventually.await("client faulted", () -> client.state() == ClientState.FAULTED);
    DuplexFaultException cause = assertInstanceOf(DuplexFaultException.class, recorder.causes.get(recorder.causes.size() - 1));
    assertTrue(cause.code().getLocalPart().equals("SessionEnded") || cause.code().getLocalPart().equals("UnknownAddress"),
        cause.toString());
  }



  @Test
  void aPollLostInASilentNetworkWhileReconnectingIsMadeAgainWithinTheServerPollTimeoutNotAfterFiveMinutes()
      throws Exception {
    StockTestServer server = server(fastPolls());
    CuttableTcpProxy link = new CuttableTcpProxy(server.port());
    toClose.add(link);
    Recorder recorder = new Recorder();
    DuplexClientConfig config = clientConfig().toBuilder().pollTimeoutMargin(Duration.ofMillis(300)).build();
    assertEquals(Duration.ofMinutes(5), config.pollHttpTimeout(), "WCF's ClientPollTimeout, for a polling client");
    PollingDuplexClient<IStockService> client = client(link.via(server.address), recorder, config);
    client.service().register();
    recorder.next(WAIT);

    link.cut(); // the poll's connection drops and retries are refused: the client reconnects
    Eventually.await("client reconnecting", () -> client.state() == ClientState.CONNECTING);
    link.silence(); // the next retry connects, and its poll is never answered
    Eventually.await("a retry swallowed", () -> link.swallowed() > 0);
    link.restore();
    server.feature.broadcast(IStockServiceCallback.class, c -> c.update(StockTestServer.stock("BACK", 1, 1, null)));

    // The swallowed retry gives up after the server poll timeout plus the margin (500 ms), not 5 min.
    assertEquals("BACK", recorder.next(Duration.ofSeconds(5)).getSymbol());
    Eventually.await("client open", () -> client.state() == ClientState.OPEN);
  }

  @Test
  void afterAServerRestartTheClientRetriesThenFaultsBecauseTheNewServerDoesNotKnowItsSession() throws Exception {
    StockTestServer first = new StockTestServer(fastPolls());
    int port = first.port();
    Recorder recorder = new Recorder();
    PollingDuplexClient<IStockService> client = client(first.address, recorder, clientConfig());
    client.service().register();
    recorder.next(WAIT);

    first.close();
    Eventually.await("client reconnecting", () -> client.state() == ClientState.CONNECTING);
    StockTestServer second = new StockTestServer(fastPolls(), port, 32);
    toClose.add(second);

    Eventually.await("client faulted", () -> client.state() == ClientState.FAULTED);
    DuplexFaultException cause = assertInstanceOf(DuplexFaultException.class, recorder.causes.get(recorder.causes.size() - 1));
    assertEquals("UnknownAddress", cause.code().getLocalPart());
    assertEquals(List.of(ClientState.CONNECTING, ClientState.OPEN, ClientState.CONNECTING, ClientState.FAULTED),
        recorder.states);
  }

  @Test
  void aPollTheServerHoldsLongerThanThePollHttpTimeoutTimesOutAtThatTimeoutAndIsMadeAgain() throws Exception {
    FakeScheduler serverTime = new FakeScheduler(); // never advanced: the server holds every idle poll
    StockTestServer server = server(DuplexServerConfig.builder().scheduler(serverTime)
        .pollTimeout(Duration.ofMinutes(1)).build());
    Recorder recorder = new Recorder();
    DuplexClientConfig config = clientConfig().toBuilder().serverPollTimeout(Duration.ofMillis(100))
        .pollTimeoutMargin(Duration.ofMillis(100)).clientPollTimeout(Duration.ofMillis(300)).build();
    assertEquals(Duration.ofMillis(300), config.pollHttpTimeout());
    PollingDuplexClient<IStockService> client = client(server, recorder, config);
    client.service().register();
    recorder.next(WAIT);
    long started = System.nanoTime();

    // Each poll that times out on the client is made again; the newer one releases the older.
    Eventually.await("a poll timed out on the client and was made again",
        () -> server.feature.metrics().pollsAnsweredEmpty() >= 2);

    // Two timeouts of 300 ms each (the first poll may have started a moment before the clock).
    assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMillis(500)) >= 0);
    assertTrue(recorder.states.contains(ClientState.CONNECTING), recorder.states.toString());
    server.feature.broadcast(IStockServiceCallback.class, c -> c.update(StockTestServer.stock("LATE", 1, 1, null)));
    assertEquals("LATE", recorder.next(WAIT).getSymbol());
  }

  @Test
  void withTheServerGoneTheClientFaultsAfterItsInactivityTimeout() throws Exception {
    StockTestServer server = new StockTestServer(fastPolls());
    FakeScheduler clientTime = new FakeScheduler();
    Recorder recorder = new Recorder();
    // A poll sent again while the server stops may get no answer at all: give it up in 2 s, not WCF's 5 min.
    PollingDuplexClient<IStockService> client = client(server.address, recorder, clientConfig().toBuilder()
        .scheduler(clientTime).inactivityTimeout(Duration.ofMinutes(1))
        .pollTimeoutMargin(Duration.ofSeconds(1)).clientPollTimeout(Duration.ofSeconds(2)).build());
    client.service().register();
    recorder.next(WAIT);
    server.close();
    Eventually.await("client reconnecting", () -> client.state() == ClientState.CONNECTING);

    for (int i = 0; i < 100 && client.state() != ClientState.FAULTED; i++) {
      clientTime.advanceBy(Duration.ofSeconds(2)); // each step fires the pending retry, which fails again
      Thread.sleep(20);
    }

    assertEquals(ClientState.FAULTED, client.state());
    assertTrue(recorder.causes.get(recorder.causes.size() - 1).getMessage().contains("inactivity timeout"),
        recorder.causes.toString());
  }

  @Test
  void closeIsIdempotentEndsThePollAndLaterCallsAreRefused() throws Exception {
    StockTestServer server = server(DuplexServerConfig.builder().pollTimeout(Duration.ofMinutes(1)).build());
    Recorder recorder = new Recorder();
    PollingDuplexClient<IStockService> client = client(server, recorder, clientConfig());
    client.service().register();
    recorder.next(WAIT);
    Eventually.await("poll parked", () -> server.feature.metrics().parkedPolls() == 1);

    client.close();
    client.close();

    assertEquals(ClientState.CLOSED, client.state());
    assertThrows(IllegalStateException.class, () -> client.service().register());
    assertEquals(List.of(ClientState.CONNECTING, ClientState.OPEN, ClientState.CLOSED), recorder.states);
  }

  @Test
  void closeDuringAParkedPollSendsCloseSessionAndTheServerEndsTheSessionAtOnce() throws Exception {
    StockTestServer server = server(DuplexServerConfig.builder().pollTimeout(Duration.ofMinutes(1)).build());
    Recorder recorder = new Recorder();
    PollingDuplexClient<IStockService> client = client(server, recorder, clientConfig());
    client.service().register();
    recorder.next(WAIT);
    Eventually.await("poll parked", () -> server.feature.metrics().parkedPolls() == 1);

    client.close();

    // close() returned after the server answered the close: the session is already gone.
    assertEquals(List.of(SessionEndReason.CLOSED_BY_CLIENT), server.service.endReasons);
    assertTrue(server.feature.sessions().isEmpty());
    Eventually.await("parked poll released", () -> server.feature.metrics().parkedPolls() == 0);
    assertEquals(0, server.feature.metrics().messagesDropped());
  }

  @Test
  void withCloseSessionOnCloseOffTheServerKeepsTheSessionUntilItsInactivityTimeout() throws Exception {
    StockTestServer server = server(fastPolls());
    Recorder recorder = new Recorder();
    PollingDuplexClient<IStockService> client = client(server, recorder,
        clientConfig().toBuilder().closeSessionOnClose(false).build());
    client.service().register();
    recorder.next(WAIT);

    client.close();

    assertEquals(1, server.feature.sessions().size());
    assertTrue(server.service.endReasons.isEmpty());
  }

  @Test
  void aClientThatNeverReachedTheServerSendsNoClose() throws Exception {
    StockTestServer server = server(fastPolls());
    PollingDuplexClient<IStockService> client = client(server, new Recorder(), clientConfig());

    client.close();

    assertEquals(0, server.feature.metrics().sessionsOpened());
  }

  @Test
  void theCloseMessageWaitsNoLongerThanItsTimeoutForAServerThatNeverAnswers() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      URI endpoint = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/StockService");
      SessionCloser closer = new SessionCloser(endpoint,
          DuplexHeader.newIdentity(NetDuplex.WCF_ANONYMOUS_URI_PREFIX),
          new WireMessages(WireFormat.SOAP11_TEXT, endpoint, 65_536),
          HttpClient.newHttpClient(), Duration.ofMillis(200));
      long start = System.nanoTime();

      closer.closeSession(null); // the server accepts the connection and never answers

      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "close waited " + took);
    }
  }

  @Test
  void aCallRefusedBecauseTheServerIsFullSurfacesAsAnExceptionAndDoesNotFaultTheClient() throws Exception {
    StockTestServer server = server(fastPolls().toBuilder().maxSessions(1).build());
    PollingDuplexClient<IStockService> first = client(server, new Recorder(), clientConfig());
    first.service().register();
    Recorder recorder = new Recorder();
    PollingDuplexClient<IStockService> second = client(server, recorder, clientConfig());

    DuplexFaultException refused = assertThrows(DuplexFaultException.class, () -> second.service().register());

    assertEquals(new javax.xml.namespace.QName(NetDuplex.FAULTS_NS, "ServerTooBusy"), refused.code());
    assertEquals(ClientState.CREATED, second.state(), "not faulted, not polling");
    first.close(); // frees the slot (close sends netdx:CloseSession)
    second.service().register();
    assertEquals("AAHH", recorder.next(WAIT).getSymbol());
  }

  @Test
  void inMultipleMessagesPerPollABurstOf200ArrivesInOrderInAFewPolls() throws Exception {
    StockTestServer server = server(fastPolls().toBuilder().maxPendingMessagesPerSession(500)
        .duplexMode(DuplexMode.MULTIPLE_MESSAGES_PER_POLL).build());
    // The session opens and 200 callbacks wait before the client's first poll.
    DuplexHeader identity = DuplexHeader.newIdentity(NetDuplex.WCF_ANONYMOUS_URI_PREFIX);
    WireClient wire = new WireClient(identity.address(), identity.sessionId());
    SoapHttp soap = new SoapHttp(server.address);
    soap.post(WireClient.REGISTER, wire.register());
    DuplexSession session = server.feature.sessions().iterator().next();
    Eventually.await("Register queued its quote", () -> session.queuedMessages() == 1);
    soap.post(WireClient.MAKE_CONNECTION, wire.makeConnection());
    IStockServiceCallback callback = session.callback(IStockServiceCallback.class);
    for (int i = 0; i < 200; i++) {
      callback.update(StockTestServer.stock("S" + i, i, i, null));
    }
    Recorder recorder = new Recorder();
    PollingDuplexClient<IStockService> client = PollingDuplexClient.builder(server.address)
        .callback(IStockServiceCallback.class, recorder)
        .listener(recorder)
        .identity(identity)
        .config(clientConfig().toBuilder().duplexMode(DuplexMode.MULTIPLE_MESSAGES_PER_POLL).build())
        .build(IStockService.class);
    toClose.add(client);

    client.service().register(); // starts polling; its own quote comes after the burst

    for (int i = 0; i < 200; i++) {
      assertEquals("S" + i, recorder.next(WAIT).getSymbol());
    }
    assertEquals("AAHH", recorder.next(WAIT).getSymbol());
    long answers = server.feature.metrics().pollsAnsweredWithMessages() - 1; // minus the raw drain above
    assertTrue(answers <= 5, answers + " poll answers for 201 messages");
    assertTrue(recorder.rejections.isEmpty(), recorder.rejections.toString());
  }

  @Test
  void theClientPollsAgainAtOnceAfterEachAnswerWithoutWaitingForAnyTimer() throws Exception {
    StockTestServer server = server(fastPolls());
    FakeScheduler clientTime = new FakeScheduler(); // never advanced: no retry or backoff can fire
    Recorder recorder = new Recorder();
    PollingDuplexClient<IStockService> client = client(server, recorder,
        clientConfig().toBuilder().scheduler(clientTime).build());
    client.service().register();
    recorder.next(WAIT);

    for (int i = 0; i < 5; i++) {
      client.service().sync(StockTestServer.stock("R" + i, i, i, null));
    }

    for (int i = 0; i < 5; i++) {
      assertEquals("R" + i, recorder.next(WAIT).getSymbol());
    }
  }

  @Test
  void closingTheLastClientStopsTheClientThreads() throws Exception {
    StockTestServer server = server(fastPolls());
    Recorder recorder = new Recorder();
    PollingDuplexClient<IStockService> client = client(server, recorder, clientConfig());
    client.service().register();
    recorder.next(WAIT);
    assertTrue(clientThreads() > 0);

    client.close();

    Eventually.await("client threads gone", () -> clientThreads() == 0);
  }

  private static long clientThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("netduplex-client-") && t.isAlive()).count();
  }
}
