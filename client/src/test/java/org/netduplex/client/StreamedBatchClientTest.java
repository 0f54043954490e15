package org.netduplex.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netduplex.core.DuplexMode;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.DuplexSession;
import org.netduplex.stock.IStockService;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.testing.Eventually;
import org.netduplex.testing.FakeScheduler;

/**
 * The Java client with streamed batch answers (docs/protocol.md section 19): in
 * MULTIPLE_MESSAGES_PER_POLL it asks for them, and hands each callback on as its part arrives,
 * while the answer is still open (the server's window runs on a fake clock here, so it closes only
 * when the test moves it); the next poll acks them all.
 */
class StreamedBatchClientTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final FakeScheduler serverClock = new FakeScheduler();
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  @Test
  void eachCallbackOfAStreamedAnswerReachesTheApplicationBeforeTheAnswerCloses() throws Exception {
    StockTestServer server = new StockTestServer(DuplexServerConfig.builder().scheduler(serverClock)
        .duplexMode(DuplexMode.MULTIPLE_MESSAGES_PER_POLL).streamedAnswerWindow(Duration.ofMillis(200)).build());
    toClose.add(server);
    Recorder recorder = new Recorder();
    PollingDuplexClient<IStockService> client = PollingDuplexClient.builder(server.address)
        .callback(IStockServiceCallback.class, recorder).listener(recorder)
        .config(DuplexClientConfig.builder().duplexMode(DuplexMode.MULTIPLE_MESSAGES_PER_POLL).build())
        .build(IStockService.class);
    toClose.add(client);

    client.service().register();
    assertEquals("AAHH", recorder.next(WAIT).getSymbol()); // Register's quote opens the answer
    DuplexSession session = server.feature.sessions().iterator().next();
    IStockServiceCallback callback = session.callback(IStockServiceCallback.class);
    for (int i = 0; i < 3; i++) {
      callback.update(StockTestServer.stock("S" + i, i, i, null));
      assertEquals("S" + i, recorder.next(WAIT).getSymbol());
    }

    assertEquals(1, server.feature.metrics().pollsAnsweredWithMessages(), "one answer, still open, carried all four");
    assertEquals(0, server.feature.metrics().messagesDelivered(), "numbered: delivered when the next poll acks them");
    serverClock.advanceBy(Duration.ofMillis(200)); // the window ends: the answer closes, the client polls again
    Eventually.await("the next poll acked all four", () -> server.feature.metrics().messagesDelivered() == 4);
    assertTrue(recorder.rejections.isEmpty(), recorder.rejections.toString());
    assertEquals(List.of(ClientState.CONNECTING, ClientState.OPEN), recorder.states, "no retry: the close is no failure");
  }
}
