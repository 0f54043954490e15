package org.netduplex.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netduplex.core.NetDuplex;
import org.netduplex.testing.FakeScheduler;
import org.netduplex.testing.WireClient;

/**
 * SOAP 1.2 with WS-Addressing 1.0, as a WCF custom binding (polling duplex + SOAP 1.2 text encoding)
 * speaks it: the action in {@code wsa:Action} and the content type, answers in SOAP 1.2, faults with
 * a Sender code and the NetDuplex or WS-MakeConnection subcode.
 */
class Soap12AddressingTest {
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
  void aSoap12PollIsAnsweredInSoap12WithTheCallbacksActionAndTheSessionsHeader() throws Exception {
    HttpResponse<String> register = post("Silverlight/IStockService/Register", client.duplexHeader(), "");
    assertEquals(200, register.statusCode(), register.body());
    assertEquals("", register.body());

    HttpResponse<String> poll = post(NetDuplex.MAKE_CONNECTION_ACTION, "", makeConnection(client.address));

    assertEquals(200, poll.statusCode(), poll.body());
    assertTrue(poll.headers().firstValue("Content-Type").orElse("").startsWith("application/soap+xml"));
    String body = poll.body();
    assertTrue(body.contains("xmlns:s=\"" + NetDuplex.SOAP12_NS + "\""), body);
    assertTrue(body.contains(">Silverlight/IStockService/Update</a:Action>"), body);
    assertTrue(body.contains(client.sessionIdElement()), body);
    assertTrue(body.contains("<a:To s:mustUnderstand=\"1\">" + client.address + "</a:To>"), body);
    assertTrue(body.contains("<Symbol>AAHH</Symbol>"), body);
  }

  @Test
  void aSoap12PollForAnUnknownAddressGetsASenderFaultWithTheNetDuplexSubcode() throws Exception {
    HttpResponse<String> poll = post(NetDuplex.MAKE_CONNECTION_ACTION, "", makeConnection(client.address));
    assertEquals(500, poll.statusCode());
    String body = poll.body();
    assertTrue(body.contains(":Sender</") && body.contains(":UnknownAddress</"), body);
    assertTrue(body.contains("No open duplex session uses the address"), body);
  }

  @Test
  void aSoap12PollWithoutAddressGetsMissingSelectionAsSubcode() throws Exception {
    HttpResponse<String> poll = post(NetDuplex.MAKE_CONNECTION_ACTION, "",
        "<wsmc:MakeConnection xmlns:wsmc=\"" + NetDuplex.WSMC_NS + "\"/>");
    assertEquals(500, poll.statusCode());
    assertTrue(poll.body().contains(":Sender</") && poll.body().contains("wsmc:MissingSelection</"), poll.body());
  }

  private static String makeConnection(String address) {
    return "<wsmc:MakeConnection xmlns:wsmc=\"" + NetDuplex.WSMC_NS + "\"><wsmc:Address>" + address
        + "</wsmc:Address></wsmc:MakeConnection>";
  }

  private HttpResponse<String> post(String action, String extraHeader, String body) throws Exception {
    String envelope = "<s:Envelope xmlns:s=\"" + NetDuplex.SOAP12_NS + "\" xmlns:a=\"" + NetDuplex.WSA_NS + "\">"
        + "<s:Header><a:Action s:mustUnderstand=\"1\">" + action + "</a:Action>"
        + "<a:MessageID>urn:uuid:" + UUID.randomUUID() + "</a:MessageID>"
        + "<a:ReplyTo><a:Address>http://www.w3.org/2005/08/addressing/anonymous</a:Address></a:ReplyTo>"
        + extraHeader
        + "<a:To s:mustUnderstand=\"1\">" + server.address + "</a:To></s:Header>"
        + "<s:Body>" + body + "</s:Body></s:Envelope>";
    HttpRequest request = HttpRequest.newBuilder(server.address)
        .header("Content-Type", "application/soap+xml; charset=utf-8; action=\"" + action + "\"")
        .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
