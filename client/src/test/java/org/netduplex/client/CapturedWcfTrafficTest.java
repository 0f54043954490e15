package org.netduplex.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.DuplexMode;
import org.netduplex.core.NetDuplex;
import org.netduplex.core.internal.MessageBatch;
import org.netduplex.stock.IStockService;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.stock.Stock;
import org.netduplex.testing.CapturedHttpMessage;
import org.netduplex.testing.Eventually;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;

/**
 * The client against a fake WCF server that answers with the captured bytes of seed 002: it reads
 * real WCF output (including {@code xmlns:i} nils), and its own requests match the captured ones.
 * Hostile answers are rejected once each, the client keeps polling, and nothing is delivered twice.
 */
class CapturedWcfTrafficTest {
  /** The identity of the captured Silverlight client, so captured answers name this client's session. */
  private static final DuplexHeader CAPTURED = new DuplexHeader(
      NetDuplex.WCF_ANONYMOUS_URI_PREFIX + "d640645c-4650-4889-8fd0-e7bf52156bcc", "e694f6c9-bab4-46a4-b81c-e5488609b48d");
  private static final Duration WAIT = Duration.ofSeconds(10);

  private FakeWcfServer wcf;
  private Recorder recorder;
  private PollingDuplexClient<IStockService> client;

  @BeforeEach
  void start() throws Exception {
    wcf = new FakeWcfServer();
    recorder = new Recorder();
    client = PollingDuplexClient.builder(wcf.address())
        .callback(IStockServiceCallback.class, recorder)
        .listener(recorder)
        .identity(CAPTURED)
        .config(DuplexClientConfig.builder().serverPollTimeout(Duration.ofMillis(200))
            .initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(50))
            .acknowledgeDelivery(false).build()) // a client exactly as Silverlight's: its polls are capture C
        .build(IStockService.class);
  }

  @Test
  void anAckingClientGetsTheCapturedWcfAnswersAsBeforeAndItsPollIsCaptureCPlusOneHeader() throws Exception {
    client.close();
    client = PollingDuplexClient.builder(wcf.address())
        .callback(IStockServiceCallback.class, recorder)
        .listener(recorder)
        .identity(CAPTURED)
        .config(DuplexClientConfig.builder().serverPollTimeout(Duration.ofMillis(200))
            .initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(50)).build())
        .build(IStockService.class);
    wcf.answerNextPoll(FakeWcfServer.Answer.captured("/captures/D-makeconnection.response.http"));

    client.service().register();

    assertEquals("AAHH", recorder.next(WAIT).getSymbol()); // no nda:Sequence: handed on as before
    String poll = request(NetDuplex.MAKE_CONNECTION_ACTION);
    assertTrue(poll.contains("<s:Header><nda:Ack xmlns:nda=\"urn:netduplex:delivery\">0</nda:Ack></s:Header>"), poll);
    assertTrue(recorder.rejections.isEmpty(), recorder.rejections.toString());
  }

  @AfterEach
  void stop() {
    client.close();
    wcf.close();
  }

  @Test
  void theCapturedExchangesRunBetweenOurClientAndTheWcfAnswers() throws Exception {
    wcf.answerNextPoll(FakeWcfServer.Answer.captured("/captures/D-makeconnection.response.http"));

    client.service().register();
    Stock first = recorder.next(WAIT);
    client.service().sync(stock("CZLP", 227.69, 226.74, "Notes added from Internet Explorer"));
    wcf.answerNextPoll(FakeWcfServer.Answer.captured("/captures/F-makeconnection.response.http"));
    Stock echoed = recorder.next(WAIT);

    assertEquals("AAHH", first.getSymbol());
    assertEquals(256.02, first.getBid());
    assertNull(first.getNotes(), "i:nil Notes");
    assertEquals("Notes added from Internet Explorer", echoed.getNotes());
    assertEquals(227.69, echoed.getAsk());
    assertSimilar("/captures/A-register.request.http", request("Silverlight/IStockService/Register"));
    assertSimilar("/captures/C-makeconnection.request.http", request(NetDuplex.MAKE_CONNECTION_ACTION));
    assertSimilar("/captures/E-sync.request.http", request("Silverlight/IStockService/Sync"));
    assertTrue(recorder.rejections.isEmpty(), recorder.rejections.toString());
  }

  @Test
  void hostileAnswersAreRejectedOnceEachAndTheClientPollsOn() throws Exception {
    String d = capturedBody("/captures/D-makeconnection.response.http");
    wcf.answerNextPoll(FakeWcfServer.Answer.text(200, "text/xml", "this is not XML"));
    wcf.answerNextPoll(FakeWcfServer.Answer.text(200, "text/xml", d.replace(CAPTURED.sessionId(), "00000000-0000-0000-0000-000000000000")));
    wcf.answerNextPoll(FakeWcfServer.Answer.text(200, "text/xml", d.replace("<Stock ", "<Quote ").replace("</Stock>", "</Quote>")));
    wcf.answerNextPoll(FakeWcfServer.Answer.text(200, "text/xml", d.substring(0, d.length() / 2)));
    wcf.answerNextPoll(FakeWcfServer.Answer.text(200, "text/xml",
        "<!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><s:Envelope xmlns:s=\"" + NetDuplex.SOAP11_NS + "\"><s:Body>&x;</s:Body></s:Envelope>"));
    wcf.answerNextPoll(FakeWcfServer.Answer.text(500, "text/html", "<html>Service Unavailable</html>"));
    wcf.answerNextPoll(FakeWcfServer.Answer.captured("/captures/D-makeconnection.response.http"));

    client.service().register();

    assertEquals("AAHH", recorder.next(WAIT).getSymbol());
    List<String> rejections = recorder.rejections;
    assertEquals(5, rejections.size(), rejections.toString());
    assertTrue(rejections.get(0).startsWith("not well-formed XML"), rejections.get(0));
    assertTrue(rejections.get(1).contains("another session"), rejections.get(1));
    assertTrue(rejections.get(2).contains("unknown body element {urn:petermcg.wordpress.com}Quote"), rejections.get(2));
    assertTrue(rejections.get(3).startsWith("not well-formed XML"), rejections.get(3));
    assertTrue(rejections.get(4).startsWith("not well-formed XML"), rejections.get(4));
    Eventually.await("open again after the 500", () -> client.state() == ClientState.OPEN);
    assertNull(recorder.quotes.poll(), "nothing delivered twice");
    assertTrue(recorder.causes.stream().anyMatch(c -> c.getMessage().contains("HTTP 500")), recorder.causes.toString());
  }

  @Test
  void anAnswerAboveTheResponseLimitIsReportedAndPollingGoesOn() throws Exception {
    Recorder small = new Recorder();
    try (PollingDuplexClient<IStockService> limited = PollingDuplexClient.builder(wcf.address())
        .callback(IStockServiceCallback.class, small)
        .listener(small)
        .identity(CAPTURED)
        .config(DuplexClientConfig.builder().serverPollTimeout(Duration.ofMillis(200)).maxResponseBytes(1024).build())
        .build(IStockService.class)) {
      String d = capturedBody("/captures/D-makeconnection.response.http");
      wcf.answerNextPoll(FakeWcfServer.Answer.text(200, "text/xml; charset=utf-8",
          d.replace("<Notes i:nil=\"true\"/>", "<Notes>" + "n".repeat(2_000) + "</Notes>")));
      wcf.answerNextPoll(FakeWcfServer.Answer.captured("/captures/D-makeconnection.response.http"));

      limited.service().register();

      assertEquals("AAHH", small.next(WAIT).getSymbol());
      assertNull(small.quotes.poll(), "the oversized answer was delivered");
      assertEquals(1, small.rejections.size(), small.rejections.toString());
      assertTrue(small.rejections.get(0).contains("larger than 1024 bytes"), small.rejections.get(0));
      assertEquals(ClientState.OPEN, limited.state());
    }
  }

  @Test
  void aRepeatedSoap12MessageWithTheSameMessageIdIsDeliveredOnce() throws Exception {
    String soap12 = "<s:Envelope xmlns:s=\"" + NetDuplex.SOAP12_NS + "\" xmlns:a=\"" + NetDuplex.WSA_NS + "\"><s:Header>"
        + "<a:Action s:mustUnderstand=\"1\">Silverlight/IStockService/Update</a:Action>"
        + "<a:MessageID>urn:uuid:5b1c6f1e-0000-4000-8000-000000000001</a:MessageID>"
        + "<netdx:Duplex xmlns:netdx=\"" + NetDuplex.NETDX_NS + "\"><netdx:Address>" + CAPTURED.address()
        + "</netdx:Address><netdx:SessionId>" + CAPTURED.sessionId() + "</netdx:SessionId></netdx:Duplex>"
        + "</s:Header><s:Body><Stock xmlns=\"urn:petermcg.wordpress.com\"><Ask>1</Ask><Bid>1</Bid><Symbol>ONCE</Symbol></Stock></s:Body></s:Envelope>";
    wcf.answerNextPoll(FakeWcfServer.Answer.text(200, "application/soap+xml; charset=utf-8", soap12));
    wcf.answerNextPoll(FakeWcfServer.Answer.text(200, "application/soap+xml; charset=utf-8", soap12));
    wcf.answerNextPoll(FakeWcfServer.Answer.captured("/captures/D-makeconnection.response.http"));

    client.service().register();

    assertEquals("ONCE", recorder.next(WAIT).getSymbol());
    assertEquals("AAHH", recorder.next(WAIT).getSymbol());
    assertNull(recorder.quotes.poll());
  }

  @Test
  void aSessionEndedFaultOnAPollFaultsTheClient() throws Exception {
    wcf.answerNextPoll(FakeWcfServer.Answer.text(500, "text/xml; charset=utf-8",
        "<s:Envelope xmlns:s=\"" + NetDuplex.SOAP11_NS + "\"><s:Body><s:Fault>"
            + "<faultcode xmlns:ndf=\"" + NetDuplex.FAULTS_NS + "\">ndf:SessionEnded</faultcode>"
            + "<faultstring>The session ended after 600 s without activity.</faultstring></s:Fault></s:Body></s:Envelope>"));

    client.service().register();

    Eventually.await("faulted", () -> client.state() == ClientState.FAULTED);
    DuplexFaultException fault = assertInstanceOf(DuplexFaultException.class, recorder.causes.get(recorder.causes.size() - 1));
    assertEquals("SessionEnded", fault.code().getLocalPart());
    assertEquals(500, fault.httpStatus());
    long polls = wcf.polls();
    Thread.sleep(300);
    assertEquals(polls, wcf.polls(), "no poll after the fault");
  }

  @Test
  void aBatchEndingInASessionEndedFaultDeliversWhatCameBeforeAndFaultsTheClient() throws Exception {
    Recorder batched = new Recorder();
    try (PollingDuplexClient<IStockService> multi = PollingDuplexClient.builder(wcf.address())
        .callback(IStockServiceCallback.class, batched)
        .listener(batched)
        .identity(CAPTURED)
        .config(DuplexClientConfig.builder().serverPollTimeout(Duration.ofMillis(200))
            .duplexMode(DuplexMode.MULTIPLE_MESSAGES_PER_POLL).build())
        .build(IStockService.class)) {
      byte[] fault = ("<s:Envelope xmlns:s=\"" + NetDuplex.SOAP11_NS + "\"><s:Body><s:Fault>"
          + "<faultcode xmlns:ndf=\"" + NetDuplex.FAULTS_NS + "\">ndf:SessionEnded</faultcode>"
          + "<faultstring>ended</faultstring></s:Fault></s:Body></s:Envelope>").getBytes(StandardCharsets.UTF_8);
      MessageBatch.Encoded batch = MessageBatch.encode(
          List.of(CapturedHttpMessage.fromResource("/captures/D-makeconnection.response.http").body(), fault),
          "text/xml; charset=utf-8");
      wcf.answerNextPoll(new FakeWcfServer.Answer(200, java.util.Map.of("content-type", batch.contentType()), batch.body()));

      multi.service().register();

      assertEquals("AAHH", batched.next(WAIT).getSymbol());
      Eventually.await("faulted", () -> multi.state() == ClientState.FAULTED);
      DuplexFaultException cause = assertInstanceOf(DuplexFaultException.class, batched.causes.get(batched.causes.size() - 1));
      assertEquals("SessionEnded", cause.code().getLocalPart());
    }
  }

  @Test
  void aServerTooBusyFaultIsRetriedNotFatal() throws Exception {
    wcf.answerNextPoll(FakeWcfServer.Answer.text(500, "text/xml; charset=utf-8",
        "<s:Envelope xmlns:s=\"" + NetDuplex.SOAP11_NS + "\"><s:Body><s:Fault>"
            + "<faultcode xmlns:ndf=\"" + NetDuplex.FAULTS_NS + "\">ndf:ServerTooBusy</faultcode>"
            + "<faultstring>busy</faultstring></s:Fault></s:Body></s:Envelope>"));
    wcf.answerNextPoll(FakeWcfServer.Answer.captured("/captures/D-makeconnection.response.http"));

    client.service().register();

    assertEquals("AAHH", recorder.next(WAIT).getSymbol());
    assertFalse(client.state().isFinal());
  }

  private String request(String action) {
    return wcf.requests.stream().filter(r -> r.soapAction().equals("\"" + action + "\"")).findFirst()
        .orElseThrow(() -> new AssertionError("no request with SOAPAction " + action + " in " + wcf.requests)).body();
  }

  private static void assertSimilar(String capture, String actual) {
    Diff diff = DiffBuilder.compare(capturedBody(capture)).withTest(actual).ignoreWhitespace().checkForSimilar().build();
    assertFalse(diff.hasDifferences(), capture + ": " + diff + "\n" + actual);
  }

  private static String capturedBody(String resource) {
    return new String(CapturedHttpMessage.fromResource(resource).body(), StandardCharsets.UTF_8);
  }

  private static Stock stock(String symbol, double ask, double bid, String notes) {
    return StockTestServer.stock(symbol, ask, bid, notes);
  }
}
