package org.netduplex.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.testing.Eventually;
import org.netduplex.testing.FakeScheduler;
import org.netduplex.testing.SoapHttp;
import org.netduplex.testing.WireClient;

/**
 * A session id or client address lets whoever reads it act as that client: at INFO and above the
 * server logs them shortened (first 8 characters), in full only where FINE is on.
 */
class LoggedSessionIdsTest {
  private static final Duration INACTIVITY_TIMEOUT = Duration.ofMinutes(10);
  private static final Logger NETDUPLEX = Logger.getLogger("org.netduplex");

  private final FakeScheduler scheduler = new FakeScheduler();
  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final Handler recorder = new Handler() {
    @Override
    public void publish(LogRecord r) {
      logged.add(r); // the loggers already filtered by level
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private Level levelBefore;
  private DuplexTestServer server;
  private SoapHttp http;
  private final WireClient client = WireClient.random();

  @BeforeEach
  void start() {
    levelBefore = NETDUPLEX.getLevel();
    NETDUPLEX.addHandler(recorder);
    server = new DuplexTestServer(DuplexServerConfig.builder()
        .inactivityTimeout(INACTIVITY_TIMEOUT)
        .maxPendingMessagesPerSession(1)
        .scheduler(scheduler)
        .build());
    http = new SoapHttp(server.address);
  }

  @AfterEach
  void stop() {
    server.close();
    NETDUPLEX.removeHandler(recorder);
    NETDUPLEX.setLevel(levelBefore);
  }

  @Test
  void atInfoSessionIdsAndAddressesAreLoggedShortened() {
    NETDUPLEX.setLevel(Level.INFO);

    endByInactivityThenCallAndPollAgain();

    String log = text();
    assertTrue(log.contains("Session ended (INACTIVITY_TIMEOUT): " + client.sessionId.substring(0, 8) + "…"), log);
    assertTrue(log.contains("Duplex session " + client.sessionId.substring(0, 8) + "… has ended"), log);
    String addressId = client.address.substring(client.address.indexOf("id=") + 3);
    assertTrue(log.contains("uses the address …id=" + addressId.substring(0, 8) + "…"), log);
    assertFalse(log.contains(client.sessionId), log);
    assertFalse(log.contains(addressId), log);
  }

  @Test
  void atFineTheFullIdsAreLogged() {
    NETDUPLEX.setLevel(Level.FINE);

    endByInactivityThenCallAndPollAgain();

    String log = text();
    assertTrue(log.contains("Session ended (INACTIVITY_TIMEOUT): " + client.sessionId), log);
    assertTrue(log.contains("Duplex session " + client.sessionId + " has ended"), log);
    assertTrue(log.contains("uses the address " + client.address), log);
  }

  @Test
  void theExceptionsServiceCodeLogsNameTheSessionShortened() {
    http.post(WireClient.REGISTER, client.register()); // queues one quote: the queue (of 1) is full
    DuplexSession session = server.feature.sessions().iterator().next();
    Eventually.await("Register queued its quote", () -> session.queuedMessages() == 1);
    IStockServiceCallback callback = session.callback(IStockServiceCallback.class);

    CallbackQueueFullException full = assertThrows(CallbackQueueFullException.class,
        () -> callback.update(StockServiceLogic.stock("X", 1, 1, null)));
    session.close();
    SessionEndedException ended = assertThrows(SessionEndedException.class,
        () -> callback.update(StockServiceLogic.stock("X", 1, 1, null)));

    String brief = client.sessionId.substring(0, 8) + "…";
    assertEquals("Callback queue of session " + brief + " is full (1 messages waiting)", full.getMessage());
    assertEquals("Duplex session " + brief + " has ended", ended.getMessage());
    assertEquals(client.sessionId, ended.session().id());
  }

  private void endByInactivityThenCallAndPollAgain() {
    assertEquals(200, http.post(WireClient.REGISTER, client.register()).statusCode());
    scheduler.advanceBy(INACTIVITY_TIMEOUT.plus(server.feature.config().inactivityTimeout().dividedBy(5)));
    assertEquals(0, server.feature.metrics().openSessions());
    String call = http.post(WireClient.REGISTER, client.register()).body();
    String poll = http.post(WireClient.MAKE_CONNECTION, client.makeConnection()).body();
    // The client is told in full: the id and the address are its own.
    assertTrue(call.contains("Duplex session " + client.sessionId + " has ended"), call);
    assertTrue(poll.contains(client.address), poll);
  }

  private String text() {
    return logged.stream().map(r -> r.getMessage()).collect(Collectors.joining("\n"));
  }
}
