package org.netduplex.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netduplex.core.NetDuplex;
import org.netduplex.msbin.Msbin;
import org.netduplex.testing.FakeScheduler;
import org.netduplex.testing.WireClient;

/**
 * SOAP 1.2 + WS-Addressing 1.0 messages without {@code wsa:MessageID}, as WCF sends every one-way
 * call: its {@code ProxyOperationRuntime} gives only two-way requests a MessageID (dotnet/wcf
 * {@code src/System.ServiceModel.Primitives/src/System/ServiceModel/Dispatcher/ProxyOperationRuntime.cs};
 * docs/protocol.md section 6). One-way calls, polls and {@code netdx:CloseSession} work without it;
 * a fault answering such a message carries no {@code wsa:RelatesTo}.
 */
class Soap12WithoutMessageIdTest {
  /** Bounds every exchange: a poll that wrongly parks would otherwise wait for the container's safety net. */
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final HttpClient http = HttpClient.newHttpClient();
  private DuplexTestServer server;
  private WireClient client;

  @BeforeEach
  void start() {
    server = new DuplexTestServer(DuplexServerConfig.builder().scheduler(new FakeScheduler()).build(), 16, true);
    client = WireClient.random();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aOneWayRegisterWithoutMessageIdIsAnswered200EmptyAndItsCallbackArrivesOnAPollWithoutMessageId()
      throws Exception {
    HttpResponse<String> register = post(WireClient.REGISTER, client.duplexHeader(), "");
    assertEquals(200, register.statusCode(), register.body());
    assertEquals("", register.body());

    HttpResponse<String> poll = post(NetDuplex.MAKE_CONNECTION_ACTION, "", makeConnection());

    assertEquals(200, poll.statusCode(), poll.body());
    Xp answer = new Xp(poll.body());
    assertEquals("Silverlight/IStockService/Update", answer.text("/s:Envelope/s:Header/a:Action"));
    assertEquals(client.sessionId, answer.text("/s:Envelope/s:Header/netdx:Duplex/netdx:SessionId"));
    assertEquals(0, answer.count("/s:Envelope/s:Header/a:RelatesTo"));
    assertEquals(1, server.feature.front().served()); // SOAP 1.2 text, by its Content-Type action
  }

  @Test
  void aBinaryOneWayRegisterWithoutMessageIdIsAnswered200EmptyAndItsCallbackArrivesInBinary() throws Exception {
    HttpResponse<byte[]> register = postBinary(WireClient.REGISTER, client.duplexHeader(), "");
    assertEquals(200, register.statusCode(), new String(register.body(), StandardCharsets.UTF_8));
    assertEquals(0, register.body().length);

    HttpResponse<byte[]> poll = postBinary(NetDuplex.MAKE_CONNECTION_ACTION, "", makeConnection());

    assertEquals(200, poll.statusCode());
    Xp answer = new Xp(Msbin.toText(poll.body()));
    assertEquals("Silverlight/IStockService/Update", answer.text("/s:Envelope/s:Header/a:Action"));
    assertEquals(client.sessionId, answer.text("/s:Envelope/s:Header/netdx:Duplex/netdx:SessionId"));
    assertEquals(1, server.feature.front().served()); // binary: recognised from its body
  }

  @Test
  void aOneWaySyncWithoutMessageIdIsAnswered200EmptyAndEchoed() throws Exception {
    post(WireClient.REGISTER, client.duplexHeader(), "");
    post(NetDuplex.MAKE_CONNECTION_ACTION, "", makeConnection()); // Register's quote

    HttpResponse<String> sync = post(WireClient.SYNC, client.duplexHeader(),
        "<Stock xmlns=\"urn:petermcg.wordpress.com\"><Notes>n</Notes><Symbol>CZLP</Symbol></Stock>");
    assertEquals(200, sync.statusCode(), sync.body());
    assertEquals("", sync.body());

    Xp echo = new Xp(post(NetDuplex.MAKE_CONNECTION_ACTION, "", makeConnection()).body());
    assertEquals("CZLP", echo.text("//*[local-name()='Symbol']"));
  }

  @Test
  void aBareCloseSessionWithoutMessageIdIsAnswered200EmptyAndEndsTheSession() throws Exception {
    post(WireClient.REGISTER, client.duplexHeader(), "");
    post(NetDuplex.MAKE_CONNECTION_ACTION, "", makeConnection()); // Register's quote
    String closing = client.duplexHeader().replace("</netdx:Duplex>", "<netdx:CloseSession/></netdx:Duplex>");

    HttpResponse<String> close = post(null, closing, ""); // no action, as our client sends it

    assertEquals(200, close.statusCode(), close.body());
    assertEquals("", close.body());
    assertEquals(0, server.feature.sessions().size());
  }

  @Test
  void aFaultAnsweringAOneWayCallWithoutMessageIdHasNoRelatesTo() throws Exception {
    HttpResponse<String> call = post(WireClient.REGISTER, "", "");

    assertEquals(500, call.statusCode(), call.body());
    Xp fault = new Xp(call.body());
    assertEquals(NetDuplex.FAULTS_NS + " MissingDuplexHeader",
        fault.qname("/s:Envelope/s:Body/s:Fault/s:Code/s:Subcode/s:Value"));
    assertEquals(0, fault.count("/s:Envelope/s:Header/a:RelatesTo"), call.body());
  }

  @Test
  void aFaultAnsweringAPollWithoutMessageIdHasNoRelatesTo() throws Exception {
    HttpResponse<String> poll = post(NetDuplex.MAKE_CONNECTION_ACTION, "",
        "<wsmc:MakeConnection xmlns:wsmc=\"" + NetDuplex.WSMC_NS + "\"/>");

    assertEquals(500, poll.statusCode(), poll.body());
    Xp fault = new Xp(poll.body());
    assertEquals(NetDuplex.WSMC_NS + " MissingSelection",
        fault.qname("/s:Envelope/s:Body/s:Fault/s:Code/s:Subcode/s:Value"));
    assertEquals(NetDuplex.WSMC_NS + "/fault", fault.text("/s:Envelope/s:Header/a:Action"));
    assertEquals(0, fault.count("/s:Envelope/s:Header/a:RelatesTo"), poll.body());
  }

  private String makeConnection() {
    return "<wsmc:MakeConnection xmlns:wsmc=\"" + NetDuplex.WSMC_NS + "\"><wsmc:Address>" + client.address
        + "</wsmc:Address></wsmc:MakeConnection>";
  }

  /** The same message in .NET binary, whose content type carries no action: only {@code wsa:Action} names it. */
  private HttpResponse<byte[]> postBinary(String action, String extraHeader, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(server.address)
        .timeout(TIMEOUT)
        .header("Content-Type", Msbin.CONTENT_TYPE)
        .POST(HttpRequest.BodyPublishers.ofByteArray(Msbin.fromText(envelope(action, extraHeader, body))))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A SOAP 1.2 message as WCF writes a one-way call: Action (unless null) and To, no MessageID, no ReplyTo. */
  private HttpResponse<String> post(String action, String extraHeader, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(server.address)
        .timeout(TIMEOUT)
        .header("Content-Type",
            "application/soap+xml; charset=utf-8" + (action == null ? "" : "; action=\"" + action + "\""))
        .POST(HttpRequest.BodyPublishers.ofString(envelope(action, extraHeader, body), StandardCharsets.UTF_8))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private String envelope(String action, String extraHeader, String body) {
    return "<s:Envelope xmlns:s=\"" + NetDuplex.SOAP12_NS + "\" xmlns:a=\"" + NetDuplex.WSA_NS + "\">"
        + "<s:Header>" + (action == null ? "" : "<a:Action s:mustUnderstand=\"1\">" + action + "</a:Action>")
        + extraHeader
        + "<a:To s:mustUnderstand=\"1\">" + server.address + "</a:To></s:Header>"
        + "<s:Body>" + body + "</s:Body></s:Envelope>";
  }
}
