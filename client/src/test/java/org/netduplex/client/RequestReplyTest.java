package org.netduplex.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.xml.ws.Response;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.netduplex.core.DuplexMode;
import org.netduplex.server.CallbackChannels;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.PollingDuplexFeature;
import org.netduplex.jetty.PollingDuplexJetty;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.testing.Eventually;
import org.netduplex.testing.FakeScheduler;

/**
 * Request-reply calls through {@link PollingDuplexClient#service()} against a real CXF endpoint: in
 * SOAP 1.2 (text and binary) the reply comes on a poll; results, declared faults, unexpected
 * faults, async variants and the reply timeout behave as on a direct answer.
 */
class RequestReplyTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final Recorder recorder = new Recorder();
  private DeskServer server;
  private PollingDuplexClient<IQuoteDesk> client;

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private IQuoteDesk connect(WireFormat format, DuplexClientConfig.Builder config) {
    return connect(format, config, DuplexMode.SINGLE_MESSAGE_PER_POLL);
  }

  private IQuoteDesk connect(WireFormat format, DuplexClientConfig.Builder config, DuplexMode mode) {
    server = new DeskServer(format.isSoap12(), mode);
    config.duplexMode(mode);
    client = PollingDuplexClient.builder(server.address)
        .callback(IStockServiceCallback.class, recorder)
        .listener(recorder)
        .config(config.wireFormat(format).serverPollTimeout(Duration.ofMillis(500)).build())
        .build(IQuoteDesk.class);
    return client.service();
  }

  @ParameterizedTest
  @EnumSource(value = WireFormat.class, names = {"SOAP12_TEXT", "SOAP12_BINARY"})
  void aCallReturnsTheReplyAPollBroughtAfterTheCallbacksSentBeforeIt(WireFormat format) throws Exception {
    IQuoteDesk desk = connect(format, DuplexClientConfig.builder());

    assertEquals("256.7", desk.quote("AAHH"));

    assertEquals("AAHH", recorder.next(WAIT).getSymbol());
    assertEquals("256.7", desk.quote("AAHH"), "the next call works too");
    assertEquals(2, server.desk.calls, "each call ran once");
    assertEquals(ClientState.OPEN, client.state());
  }

  @ParameterizedTest
  @EnumSource(value = WireFormat.class, names = {"SOAP12_TEXT", "SOAP12_BINARY"})
  void aDeclaredFaultArrivesAsTheDeclaredException(WireFormat format) throws Exception {
    IQuoteDesk desk = connect(format, DuplexClientConfig.builder());

    UnknownSymbol refused = assertThrows(UnknownSymbol.class, () -> desk.quote("NOPE"));

    assertEquals("no such symbol: NOPE", refused.getMessage());
    assertEquals("NOPE", refused.getFaultInfo().symbol);
    assertEquals(ClientState.OPEN, client.state());
    assertEquals("256.7", desk.quote("AAHH"));
  }

  @ParameterizedTest
  @EnumSource(value = WireFormat.class, names = {"SOAP12_TEXT", "SOAP12_BINARY"})
  void anUnexpectedExceptionArrivesAsAFaultWithItsCodeAndReasonAndNoStackTrace(WireFormat format) throws Exception {
    IQuoteDesk desk = connect(format, DuplexClientConfig.builder());

    // Without a SAAJ implementation CXF cannot build a SOAPFaultException; the client names the fault instead.
    DuplexFaultException fault = assertThrows(DuplexFaultException.class, () -> desk.quote("FAIL"));

    assertEquals(new javax.xml.namespace.QName(org.netduplex.core.NetDuplex.SOAP12_NS, "Receiver"), fault.code());
    assertTrue(fault.getMessage().startsWith("the desk is closed"), fault.getMessage());
    assertFalse(fault.getMessage().contains("org.netduplex"), fault.getMessage());
    assertEquals(ClientState.OPEN, client.state());
    assertEquals("256.7", desk.quote("AAHH"));
  }

  @ParameterizedTest
  @EnumSource(value = WireFormat.class, names = {"SOAP12_TEXT", "SOAP12_BINARY"})
  void asyncVariantsCompleteWhenThePollBringsTheReply(WireFormat format) throws Exception {
    IQuoteDesk desk = connect(format, DuplexClientConfig.builder());

    Response<String> response = desk.quoteAsync("AAHH");
    CompletableFuture<String> handled = new CompletableFuture<>();
    Future<?> withHandler = desk.quoteAsync("NOPE", r -> {
      try {
        handled.complete(r.get());
      } catch (Exception e) {
        handled.completeExceptionally(e);
      }
    });

    assertEquals("256.7", response.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    ExecutionException refused = assertThrows(ExecutionException.class,
        () -> handled.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    assertInstanceOf(UnknownSymbol.class, refused.getCause().getCause() != null
        && !(refused.getCause() instanceof UnknownSymbol) ? refused.getCause().getCause() : refused.getCause(),
        refused.toString());
    Eventually.await("the handler's future is done", withHandler::isDone);
  }

  @Test
  void aReplyTimeoutIsACleanExceptionTheLateReplyIsDroppedAndTheNextCallWorks() throws Exception {
    FakeScheduler clock = new FakeScheduler();
    IQuoteDesk desk = connect(WireFormat.SOAP12_TEXT,
        DuplexClientConfig.builder().scheduler(clock).replyTimeout(Duration.ofMillis(200)));
    assertEquals("256.7", desk.quote("AAHH")); // the session is open and polling

    CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> {
      try {
        return desk.quote("SLOW");
      } catch (UnknownSymbol e) {
        throw new AssertionError(e);
      }
    });
    assertTrue(server.desk.slowEntered.await(WAIT.toSeconds(), TimeUnit.SECONDS));
    clock.advanceBy(Duration.ofMillis(200));

    ExecutionException timedOut = assertThrows(ExecutionException.class, () -> slow.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    ReplyTimeoutException timeout = assertInstanceOf(ReplyTimeoutException.class, timedOut.getCause(),
        () -> java.util.Objects.toString(timedOut.getCause()));
    assertEquals("Quote", timeout.operation());
    assertEquals("No reply to Quote within PT0.2S (replyTimeout)", timeout.getMessage());

    server.desk.releaseSlow.countDown();
    Eventually.await("the late reply is dropped and told", () -> recorder.droppedReplies.size() == 1);
    assertEquals(1, client.droppedReplies());
    assertEquals("256.7", desk.quote("AAHH"));
    assertEquals(ClientState.OPEN, client.state());
  }

  @Test
  void inMultipleMessagesPerPollTheReplyIsFoundInABatchBehindItsCallback() throws Exception {
    IQuoteDesk desk = connect(WireFormat.SOAP12_BINARY, DuplexClientConfig.builder(), DuplexMode.MULTIPLE_MESSAGES_PER_POLL);

    assertEquals("256.7", desk.quote("AAHH"));
    assertEquals("256.7", desk.quote("MSFT"));

    assertEquals("AAHH", recorder.next(WAIT).getSymbol());
    assertEquals("MSFT", recorder.next(WAIT).getSymbol());
    assertTrue(recorder.rejections.isEmpty(), recorder.rejections.toString());
  }

  @Test
  void inSoap11AnAsyncFirstCallStartsPollingToo() throws Exception {
    IQuoteDesk desk = connect(WireFormat.SOAP11_TEXT, DuplexClientConfig.builder());

    assertEquals("256.7", desk.quoteAsync("AAHH").get(WAIT.toSeconds(), TimeUnit.SECONDS));

    assertEquals("AAHH", recorder.next(WAIT).getSymbol());
  }

  @Test
  void inSoap11TheReplyComesOnTheCallsOwnAnswer() throws Exception {
    IQuoteDesk desk = connect(WireFormat.SOAP11_TEXT, DuplexClientConfig.builder());

    assertEquals("256.7", desk.quote("AAHH"));

    assertThrows(UnknownSymbol.class, () -> desk.quote("NOPE"));
    assertEquals("AAHH", recorder.next(WAIT).getSymbol());
  }

  /** The desk: a quote callback, then the price; a declared fault, an unexpected one, and a call held until released. */
  public abstract static class Desk implements IQuoteDesk {
    volatile int calls;
    final CountDownLatch slowEntered = new CountDownLatch(1);
    final CountDownLatch releaseSlow = new CountDownLatch(1);

    @Override
    public String quote(String symbol) throws UnknownSymbol {
      calls++;
      switch (symbol) {
        case "NOPE" -> {
          UnknownSymbolDetail detail = new UnknownSymbolDetail();
          detail.symbol = symbol;
          throw new UnknownSymbol("no such symbol: " + symbol, detail);
        }
        case "FAIL" -> throw new IllegalStateException("the desk is closed");
        case "SLOW" -> {
          slowEntered.countDown();
          try {
            releaseSlow.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        default -> { }
      }
      CallbackChannels.current(IStockServiceCallback.class).update(StockTestServer.stock(symbol, 256.7, 256.02, null));
      return "256.7";
    }

    @Override
    public Response<String> quoteAsync(String symbol) {
      throw new UnsupportedOperationException("client side only");
    }

    @Override
    public Future<?> quoteAsync(String symbol, jakarta.xml.ws.AsyncHandler<String> handler) {
      throw new UnsupportedOperationException("client side only");
    }
  }

  @jakarta.jws.WebService(serviceName = "QuoteDesk", portName = "BasicHttpBinding_IQuoteDesk",
      targetNamespace = IQuoteDesk.NS, endpointInterface = "org.netduplex.client.IQuoteDesk")
  public static class Desk11 extends Desk {}

  @jakarta.jws.WebService(serviceName = "QuoteDesk", portName = "CustomBinding_IQuoteDesk",
      targetNamespace = IQuoteDesk.NS, endpointInterface = "org.netduplex.client.IQuoteDesk")
  @jakarta.xml.ws.BindingType(jakarta.xml.ws.soap.SOAPBinding.SOAP12HTTP_BINDING)
  public static class Desk12 extends Desk {}

  static final class DeskServer implements AutoCloseable {
    final URI address;
    final Desk desk;
    private final PollingDuplexFeature feature;
    private final Bus bus = BusFactory.newInstance().createBus();
    private final Server endpoint;

    DeskServer(boolean soap12, DuplexMode mode) {
      this.feature = new PollingDuplexFeature(DuplexServerConfig.builder()
          .pollTimeout(Duration.ofMillis(500)).duplexMode(mode).build());
      int port = StockTestServer.freePort();
      this.address = URI.create("http://localhost:" + port + "/QuoteDesk");
      this.desk = soap12 ? new Desk12() : new Desk11();
      PollingDuplexJetty.preparePort(bus, "localhost", port, 16);
      JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
      factory.setBus(bus);
      factory.setServiceClass(desk.getClass());
      if (soap12) {
        factory.setBindingId(jakarta.xml.ws.soap.SOAPBinding.SOAP12HTTP_BINDING);
        factory.getFeatures().add(new org.apache.cxf.ws.addressing.WSAddressingFeature());
      }
      factory.setServiceBean(desk);
      factory.setAddress(address.toString());
      factory.getFeatures().add(feature);
      this.endpoint = factory.create();
    }

    @Override
    public void close() {
      endpoint.destroy();
      feature.close();
      bus.shutdown(true);
    }
  }
}
