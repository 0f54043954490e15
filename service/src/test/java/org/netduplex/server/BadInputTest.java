package org.netduplex.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.netduplex.testing.FakeScheduler;
import org.netduplex.testing.SoapHttp;
import org.netduplex.testing.WireClient;

/**
 * Every kind of bad request gets a SOAP 1.1 fault with a clear faultstring and no stack trace, is
 * logged once, and leaves the server serving a healthy session with nothing lost.
 */
class BadInputTest {
  private static final Logger REFUSALS = Logger.getLogger("org.netduplex.server.Refusals");

  private final FakeScheduler scheduler = new FakeScheduler();
  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final Handler recorder = new Handler() {
    @Override
    public void publish(LogRecord r) {
      logged.add(r);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private DuplexTestServer server;
  private SoapHttp http;
  private WireClient healthy;

  @BeforeEach
  void start() {
    server = new DuplexTestServer(DuplexServerConfig.builder()
        .pollTimeout(Duration.ofSeconds(15))
        .maxRequestBytes(8_192)
        .scheduler(scheduler)
        .build());
    http = new SoapHttp(server.address);
    healthy = WireClient.random();
    assertEquals(200, http.post(WireClient.REGISTER, healthy.register()).statusCode());
    REFUSALS.addHandler(recorder);
  }

  @AfterEach
  void stop() {
    REFUSALS.removeHandler(recorder);
    server.close();
  }

  static Stream<Arguments> badRequests() {
    WireClient c = WireClient.random();
    String mc = "<wsmc:MakeConnection xmlns:wsmc=\"http://docs.oasis-open.org/ws-rx/wsmc/200702\">";
    return Stream.of(
        Arguments.of("malformed XML", WireClient.REGISTER, "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>",
            "Client", "Unexpected EOF"),
        Arguments.of("not XML at all", WireClient.REGISTER, "hello, server", "Client", "Error reading"),
        Arguments.of("service call without netdx:Duplex", WireClient.REGISTER, WireClient.envelope("", ""),
            "MissingDuplexHeader", "must carry a netdx:Duplex header"),
        Arguments.of("netdx:Duplex without SessionId", WireClient.REGISTER, WireClient.envelope(
            "<netdx:Duplex xmlns:netdx=\"http://schemas.microsoft.com/2008/04/netduplex\"><netdx:Address>a</netdx:Address></netdx:Duplex>", ""),
            "MalformedDuplexHeader", "netdx:SessionId"),
        Arguments.of("DTD with an external entity", WireClient.REGISTER,
            "<!DOCTYPE s [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + c.register().replace("<s:Body>", "<s:Body>&xxe;"),
            "Client", "DTD"),
        Arguments.of("oversized body", WireClient.REGISTER, c.register().replace("<s:Body>", "<s:Body><x>" + "a".repeat(10_000) + "</x>"),
            "RequestTooLarge", "exceeds the limit of 8192 bytes"),
        Arguments.of("MakeConnection without Address", WireClient.MAKE_CONNECTION,
            WireClient.envelope("", mc + "</wsmc:MakeConnection>"), "MissingSelection", "The MakeConnection element did not contain any selection criteria"),
        Arguments.of("MakeConnection selecting a WS-RM sequence", WireClient.MAKE_CONNECTION,
            WireClient.envelope("", mc + "<wsrm:Identifier xmlns:wsrm=\"http://docs.oasis-open.org/ws-rx/wsrm/200702\">urn:x</wsrm:Identifier></wsmc:MakeConnection>"),
            "UnsupportedSelection", "is not supported by the MakeConnection receiver"),
        Arguments.of("MakeConnection for an unknown address", WireClient.MAKE_CONNECTION, c.makeConnection(),
            "UnknownAddress", "No open duplex session uses the address"),
        Arguments.of("a body element the contract does not know", WireClient.SYNC,
            c.register().replace("<s:Body>", "<s:Body><Quote xmlns=\"urn:example\"/>"),
            "Client", "Unexpected element {urn:example}Quote"),
        // A typo in the action must not become a 200 that runs nothing.
        Arguments.of("a one-way call whose SOAPAction names no operation", "Silverlight/IStockService/Registr",
            c.register(), "Client", "The given SOAPAction Silverlight/IStockService/Registr does not match an operation."),
        Arguments.of("a call with a body whose SOAPAction names another operation", "Silverlight/IStockService/Syn",
            c.sync("CZLP", "x"), "Client", "The given SOAPAction Silverlight/IStockService/Syn does not match an operation."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void badRequestGetsAClearFaultIsLoggedOnceAndHarmsNoOne(String what, String action, String body,
      String faultCode, String reason) {
    HttpResponse<String> r = http.post(action, body);

    assertEquals(500, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"));
    assertTrue(r.body().contains("Fault>"), r.body());
    assertTrue(r.body().matches("(?s).*<faultcode[^>]*>[a-z0-9]+:" + faultCode + "</faultcode>.*"), r.body());
    assertTrue(r.body().contains(reason), r.body());
    assertFalse(r.body().contains("at org."), "stack trace in the body: " + r.body());
    assertFalse(r.body().contains("root:"), "file content leaked: " + r.body());
    assertEquals(1, logged.size(), "logged " + logged.size() + " times");

    String answer = http.post(WireClient.MAKE_CONNECTION, healthy.makeConnection()).body();
    assertTrue(answer.contains(healthy.duplexHeader()) && answer.contains("AAHH"), answer);
  }

  @Test
  void aChunkedBodyOverTheLimitIsRefusedAndOpensNoSession() throws Exception {
    WireClient big = WireClient.random();
    byte[] body = big.register().replace("<s:Body>", "<s:Body><x>" + "a".repeat(20_000) + "</x>")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream request = new java.io.ByteArrayOutputStream();
    request.writeBytes((RawHttp.postLine(server.address) + "Content-Type: text/xml; charset=utf-8\r\nSOAPAction: \""
        + WireClient.REGISTER + "\"\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    for (int i = 0; i < body.length; i += 1_000) {
      int n = Math.min(1_000, body.length - i);
      request.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      request.write(body, i, n);
      request.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    request.writeBytes("0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    RawHttp.Answer a = RawHttp.exchange(server.address, request.toByteArray(), Duration.ofSeconds(10));

    assertEquals(500, a.status(), a.head());
    assertTrue(a.bodyText().contains("ndf:RequestTooLarge") && a.bodyText().contains("exceeds the limit of 8192 bytes"), a.bodyText());
    assertEquals(1, server.feature.sessions().size(), "only the healthy session");
    assertEquals(1, logged.size(), "logged " + logged.size() + " times");
  }

  @Test
  void aDeclaredLengthOverTheLimitIsAnsweredAtOnceWhileTheClientStillHoldsTheBody() throws Exception {
    // 10 MB declared, a few bytes sent, the connection kept open: the server must not wait for the rest.
    byte[] request = (RawHttp.postLine(server.address) + "Content-Type: text/xml; charset=utf-8\r\nSOAPAction: \""
        + WireClient.REGISTER + "\"\r\nContent-Length: 10000000\r\n\r\n<s:Envelope").getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    RawHttp.Answer a = RawHttp.exchange(server.address, request, Duration.ofSeconds(2), false);

    assertFalse(a.timedOut(), "no answer within 2 s: " + a.head());
    assertEquals(500, a.status(), a.head());
    assertTrue(a.bodyText().contains("ndf:RequestTooLarge") && a.bodyText().contains("10000000 bytes exceeds the limit of 8192 bytes"), a.bodyText());
    assertEquals("close", a.header("Connection").toLowerCase(java.util.Locale.ROOT), a.head());
    assertEquals(1, logged.size(), "logged " + logged.size() + " times");
  }

  @Test
  void aBodyThatIsNotUtf8WhereItSaysSoGetsASenderFault() throws Exception {
    byte[] valid = WireClient.random().register().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] body = java.util.Arrays.copyOf(valid, valid.length + 2);
    body[valid.length] = (byte) 0xC3; // a lead byte followed by '(' : not UTF-8
    body[valid.length + 1] = '(';
    byte[] request = (RawHttp.postLine(server.address) + "Content-Type: text/xml; charset=utf-8\r\nSOAPAction: \""
        + WireClient.REGISTER + "\"\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    RawHttp.Answer a = RawHttp.exchange(server.address, concat(request, body), Duration.ofSeconds(10));

    assertEquals(500, a.status(), a.head());
    assertTrue(a.bodyText().matches("(?s).*<faultcode[^>]*>[a-z0-9]+:Client</faultcode>.*"), a.bodyText());
    assertTrue(a.bodyText().contains("Unreadable request: the body is not valid utf-8"), a.bodyText());
    assertEquals(1, logged.size(), "logged " + logged.size() + " times");
  }

  @Test
  void anUnparsableCharsetGetsASoapFaultNotAnErrorPage() throws Exception {
    byte[] body = WireClient.random().register().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] request = (RawHttp.postLine(server.address) + "Content-Type: text/xml; charset=\"\r\nSOAPAction: \""
        + WireClient.REGISTER + "\"\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    RawHttp.Answer a = RawHttp.exchange(server.address, concat(request, body), Duration.ofSeconds(10));

    assertEquals(500, a.status(), a.head());
    assertTrue(a.bodyText().contains("<faultcode>s:Client</faultcode>") && a.bodyText().contains("unknown charset"), a.bodyText());
    assertFalse(a.bodyText().contains("Exception") || a.bodyText().contains("html"), a.bodyText());
    assertEquals(1, logged.size(), "logged " + logged.size() + " times");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Test
  void theSessionfulBinaryEncodingIsRefusedWith415AndLoggedOnce() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(server.address)
        .header("Content-Type", "application/soap+msbinsession1")
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {0x56, 0x02, 0x0B, 0x01}))
        .build();

    HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertEquals(415, r.statusCode(), r.body());
    assertEquals("", r.body());
    assertEquals(1, logged.size(), "logged " + logged.size() + " times");
    String answer = http.post(WireClient.MAKE_CONNECTION, healthy.makeConnection()).body();
    assertTrue(answer.contains(healthy.duplexHeader()) && answer.contains("AAHH"), answer);
  }
}
