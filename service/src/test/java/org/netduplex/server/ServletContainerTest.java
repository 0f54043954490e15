package org.netduplex.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netduplex.testing.Eventually;
import org.netduplex.testing.FakeScheduler;
import org.netduplex.testing.SoapHttp;
import org.netduplex.testing.WireClient;

/** The feature behind CXF's servlet in a real servlet container, deployed right and wrong. */
class ServletContainerTest {
  private static final Logger ROOT = Logger.getLogger("");

  private final FakeScheduler scheduler = new FakeScheduler();
  private final RecordingSessionListener listener = new RecordingSessionListener();
  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final Handler recorder = new Handler() {
    @Override
    public void publish(LogRecord r) {
      if (r.getLevel().intValue() >= Level.INFO.intValue()) {
        logged.add(r);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private ServletContainerServer server;

  @BeforeEach
  void record() {
    ROOT.addHandler(recorder);
  }

  @AfterEach
  void stop() throws Exception {
    ROOT.removeHandler(recorder);
    if (server != null) {
      server.close();
    }
  }

  private DuplexServerConfig config() {
    return DuplexServerConfig.builder().pollTimeout(Duration.ofSeconds(15)).scheduler(scheduler).listener(listener).build();
  }

  @Test
  void withoutAsyncSupportPollsGetServerMisconfiguredAndTheLogSaysOnceWhatToChange() {
    server = new ServletContainerServer(config(), false);
    SoapHttp http = new SoapHttp(server.address);
    WireClient client = WireClient.random();
    logged.clear(); // CXF's start-up lines
    assertEquals(200, http.post(WireClient.REGISTER, client.register()).statusCode()); // calls need no async

    for (int i = 0; i < 3; i++) {
      HttpResponse<String> poll = http.post(WireClient.MAKE_CONNECTION, client.makeConnection());
      assertEquals(500, poll.statusCode(), poll.body());
      assertTrue(poll.body().contains("<faultcode xmlns:ndf=\"urn:netduplex:faults\">ndf:ServerMisconfigured</faultcode>"), poll.body());
      assertTrue(poll.body().contains("cannot hold polls"), poll.body());
      assertTrue(!poll.body().contains("at org."), poll.body());
    }

    List<String> lines = logged.stream().map(r -> r.getLevel() + " " + r.getMessage()).toList();
    assertEquals(1, lines.size(), lines.toString()); // logged at the first call already, then never again
    assertTrue(lines.get(0).contains("<async-supported>true</async-supported>") && lines.get(0).contains("setAsyncSupported(true)"),
        lines.get(0));
    assertEquals(0, server.feature.metrics().parkedPolls());
  }

  @Test
  void withAsyncSupportPollsParkAndAreAnswered() throws Exception {
    server = new ServletContainerServer(config(), true);
    SoapHttp http = new SoapHttp(server.address);
    WireClient client = WireClient.random();
    http.post(WireClient.REGISTER, client.register());
    assertTrue(http.post(WireClient.MAKE_CONNECTION, client.makeConnection()).body().contains("AAHH"));

    CompletableFuture<HttpResponse<String>> parked = http.postAsync(WireClient.MAKE_CONNECTION, client.makeConnection());
    Eventually.await("poll parked", () -> server.feature.metrics().parkedPolls() == 1);
    // Its timeout is armed just after it counts as parked: move the clock until the timer has seen it.
    Eventually.await("poll answered at its timeout", () -> {
      scheduler.advanceBy(Duration.ofSeconds(15));
      return parked.isDone();
    });

    HttpResponse<String> empty = parked.get();
    assertEquals(200, empty.statusCode());
    assertEquals("", empty.body());
    assertEquals(2, server.feature.front().served()); // both through PollFrontFilter, not CXF's chain
  }

  @Test
  void withoutTheFilterTheChainServesPollsAsBefore() throws Exception {
    server = new ServletContainerServer(config(), true, false);
    SoapHttp http = new SoapHttp(server.address);
    WireClient client = WireClient.random();
    http.post(WireClient.REGISTER, client.register());
    assertTrue(http.post(WireClient.MAKE_CONNECTION, client.makeConnection()).body().contains("AAHH"));

    CompletableFuture<HttpResponse<String>> parked = http.postAsync(WireClient.MAKE_CONNECTION, client.makeConnection());
    Eventually.await("poll parked", () -> server.feature.metrics().parkedPolls() == 1);
    server.feature.sessions().iterator().next().callback(org.netduplex.stock.IStockServiceCallback.class)
        .update(StockServiceLogic.stock("MSFT", 1, 2, "n"));
    assertTrue(parked.get(10, java.util.concurrent.TimeUnit.SECONDS).body().contains("<Symbol>MSFT</Symbol>"));
    assertEquals(0, server.feature.front().served());
  }

  @Test
  void throughTheFilterAParkedPollGetsItsMessageAndAnEndedSessionItsFault() throws Exception {
    server = new ServletContainerServer(config(), true);
    SoapHttp http = new SoapHttp(server.address);
    WireClient client = WireClient.random();
    http.post(WireClient.REGISTER, client.register());
    assertTrue(http.post(WireClient.MAKE_CONNECTION, client.makeConnection()).body().contains("AAHH"));

    CompletableFuture<HttpResponse<String>> parked = http.postAsync(WireClient.MAKE_CONNECTION, client.makeConnection());
    Eventually.await("poll parked", () -> server.feature.metrics().parkedPolls() == 1);
    DuplexSession session = server.feature.sessions().iterator().next();
    session.callback(org.netduplex.stock.IStockServiceCallback.class).update(StockServiceLogic.stock("MSFT", 1, 2, "n"));
    HttpResponse<String> delivered = parked.get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals(200, delivered.statusCode());
    assertTrue(delivered.body().contains("<Symbol>MSFT</Symbol>"), delivered.body());

    CompletableFuture<HttpResponse<String>> again = http.postAsync(WireClient.MAKE_CONNECTION, client.makeConnection());
    Eventually.await("poll parked again", () -> server.feature.metrics().parkedPolls() == 1);
    session.close(); // the front hands the poll back to CXF, whose fault table answers it
    HttpResponse<String> fault = again.get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals(500, fault.statusCode());
    assertTrue(fault.body().contains("SessionEnded</faultcode>"), fault.body());
    assertEquals(3, server.feature.front().served());
  }

  @Test
  void throughTheFilterAStreamedAnswerCarriesEachMessageWhileItIsOpenStartedAtOnceOrParked() throws Exception {
    server = new ServletContainerServer(config().toBuilder().duplexMode(org.netduplex.core.DuplexMode.MULTIPLE_MESSAGES_PER_POLL)
        .streamedAnswerWindow(Duration.ofMillis(200)).build(), true);
    SoapHttp http = new SoapHttp(server.address);
    WireClient client = WireClient.random();
    http.post(WireClient.REGISTER, client.register());
    assertTrue(http.post(WireClient.MAKE_CONNECTION, client.makeConnection()).body().contains("AAHH"));
    org.netduplex.stock.IStockServiceCallback callback = server.feature.sessions().iterator().next()
        .callback(org.netduplex.stock.IStockServiceCallback.class);

    callback.update(StockServiceLogic.stock("S0", 1, 2, null)); // waiting: the answer starts on the request thread
    try (StreamedPoll poll = StreamedPoll.send(server.address, client, StreamedPoll.SIGNAL)) {
      assertTrue(poll.nextPart().contains("<Symbol>S0</Symbol>"));
      Eventually.await("waiting for more", () -> server.feature.metrics().parkedPolls() == 1);
      callback.update(StockServiceLogic.stock("S1", 1, 2, null));
      assertTrue(poll.nextPart().contains("<Symbol>S1</Symbol>"));
      scheduler.advanceBy(Duration.ofMillis(200));
      assertEquals(List.of(), poll.rest());
    }
    try (StreamedPoll poll = StreamedPoll.send(server.address, client, StreamedPoll.SIGNAL)) {
      Eventually.await("poll parked", () -> server.feature.metrics().parkedPolls() == 1);
      callback.update(StockServiceLogic.stock("S2", 1, 2, null)); // parked: the answer starts on this thread
      assertTrue(poll.nextPart().contains("<Symbol>S2</Symbol>"));
      scheduler.advanceBy(Duration.ofMillis(200));
      assertEquals(List.of(), poll.rest());
    }
    assertEquals(1 + 2, server.feature.front().served());
  }
}
