package org.netduplex.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.SessionEndReason;
import org.netduplex.stock.IStockService;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.testing.Eventually;

/**
 * The SOAP 1.2 + WS-Addressing wire formats against the real server: text and .NET binary clients
 * on one SOAP 1.2 endpoint (as a Silverlight 3+ binding is published) exchange calls, callbacks and
 * the session close, each answered in its own encoding. (A CXF endpoint, like a WCF binding, speaks
 * one SOAP version; SOAP 1.1 text, as captured, is tested everywhere else.)
 */
class WireFormatsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private StockTestServer server;
  private PollingDuplexClient<IStockService> textClient;
  private final Recorder textRecorder = new Recorder();

  @BeforeEach
  void start() throws Exception {
    server = StockTestServer.soap12(DuplexServerConfig.builder().pollTimeout(Duration.ofMillis(300)).build());
    textClient = client(WireFormat.SOAP12_TEXT, textRecorder);
    textClient.service().register();
    textRecorder.next(WAIT);
  }

  @AfterEach
  void stop() {
    textClient.close();
    server.close();
  }

  private PollingDuplexClient<IStockService> client(WireFormat format, Recorder recorder) {
    return PollingDuplexClient.builder(server.address)
        .callback(IStockServiceCallback.class, recorder)
        .listener(recorder)
        .config(DuplexClientConfig.builder().wireFormat(format).serverPollTimeout(Duration.ofMillis(300)).build())
        .build(IStockService.class);
  }

  @ParameterizedTest
  @EnumSource(value = WireFormat.class, names = {"SOAP12_TEXT", "SOAP12_BINARY"})
  void callsPollsAndCallbacksWorkInEachFormatBesideATextClient(WireFormat format) throws Exception {
    Recorder recorder = new Recorder();
    try (PollingDuplexClient<IStockService> client = client(format, recorder)) {
      client.service().register();
      assertEquals("AAHH", recorder.next(WAIT).getSymbol());

      client.service().sync(StockTestServer.stock("CZLP", 227.69, 226.74, "from " + format));
      assertEquals("from " + format, textRecorder.next(WAIT).getNotes());
      assertEquals("from " + format, recorder.next(WAIT).getNotes());

      textClient.service().sync(StockTestServer.stock("MSFT", 1, 2, "from text"));
      assertEquals("from text", recorder.next(WAIT).getNotes());
      assertTrue(recorder.rejections.isEmpty(), recorder.rejections.toString());
      assertEquals(ClientState.OPEN, client.state());
    }
    Eventually.await(format + " session closed by its client", () -> server.service.ended.contains(SessionEndReason.CLOSED_BY_CLIENT));
  }
}
