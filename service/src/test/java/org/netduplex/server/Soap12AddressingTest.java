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
 * a Sender code and the NetDuplex subcode, or a Receiver code, the WS-MakeConnection subcode and the
 * WS-MC fault action (docs/protocol.md section 5.1).
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
  void aSoap12AnswerSaysMessagePendingWhileMoreMessagesWaitForTheAddress() throws Exception {
    post("Silverlight/IStockService/Register", client.duplexHeader(), "");
    DuplexSession session = server.feature.sessions().iterator().next();
    org.netduplex.testing.Eventually.await("Register queued its quote", () -> session.queuedMessages() == 1);
    session.callback(org.netduplex.stock.IStockServiceCallback.class).update(StockServiceLogic.stock("NEXT", 1, 1, null));

    Xp first = new Xp(post(NetDuplex.MAKE_CONNECTION_ACTION, "", makeConnection(client.address)).body());
    Xp second = new Xp(post(NetDuplex.MAKE_CONNECTION_ACTION, "", makeConnection(client.address)).body());

    assertEquals("true", first.text("/s:Envelope/s:Header/wsmc:MessagePending/@pending"));
    assertEquals("NEXT", second.text("//*[local-name()='Symbol']"));
    assertEquals(0, second.count("/s:Envelope/s:Header/wsmc:MessagePending"));
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
  void aSoap12PollWithoutAddressGetsAReceiverFaultWithMissingSelectionAndTheWsmcFaultAction() throws Exception {
    String messageId = "urn:uuid:" + UUID.randomUUID();
    HttpResponse<String> poll = post(NetDuplex.MAKE_CONNECTION_ACTION, messageId, "",
        "<wsmc:MakeConnection xmlns:wsmc=\"" + NetDuplex.WSMC_NS + "\"/>");

    assertEquals(500, poll.statusCode());
    Xp fault = new Xp(poll.body());
    assertEquals(NetDuplex.SOAP12_NS + " Receiver", fault.qname("/s:Envelope/s:Body/s:Fault/s:Code/s:Value"));
    assertEquals(NetDuplex.WSMC_NS + " MissingSelection",
        fault.qname("/s:Envelope/s:Body/s:Fault/s:Code/s:Subcode/s:Value"));
    assertEquals("The MakeConnection element did not contain any selection criteria",
        fault.text("/s:Envelope/s:Body/s:Fault/s:Reason/s:Text"));
    assertEquals(0, fault.count("/s:Envelope/s:Body/s:Fault/s:Detail"));
    assertEquals(NetDuplex.WSMC_NS + "/fault", fault.text("/s:Envelope/s:Header/a:Action"));
    assertEquals(messageId, fault.text("/s:Envelope/s:Header/a:RelatesTo"));
  }

  @Test
  void aSoap12PollSelectingByAnotherElementGetsUnsupportedSelectionWithTheElementsQNameAsDetail() throws Exception {
    String wsrm = "http://docs.oasis-open.org/ws-rx/wsrm/200702";
    HttpResponse<String> poll = post(NetDuplex.MAKE_CONNECTION_ACTION, "",
        "<wsmc:MakeConnection xmlns:wsmc=\"" + NetDuplex.WSMC_NS + "\"><wsrm:Identifier xmlns:wsrm=\"" + wsrm
            + "\">urn:uuid:1</wsrm:Identifier></wsmc:MakeConnection>");

    assertEquals(500, poll.statusCode());
    Xp fault = new Xp(poll.body());
    assertEquals(NetDuplex.SOAP12_NS + " Receiver", fault.qname("/s:Envelope/s:Body/s:Fault/s:Code/s:Value"));
    assertEquals(NetDuplex.WSMC_NS + " UnsupportedSelection",
        fault.qname("/s:Envelope/s:Body/s:Fault/s:Code/s:Subcode/s:Value"));
    assertEquals("The extension element used in the message selection is not supported by the MakeConnection receiver",
        fault.text("/s:Envelope/s:Body/s:Fault/s:Reason/s:Text"));
    assertEquals(wsrm + " Identifier", fault.qname("/s:Envelope/s:Body/s:Fault/s:Detail/wsmc:UnsupportedSelection"));
    assertEquals(NetDuplex.WSMC_NS + "/fault", fault.text("/s:Envelope/s:Header/a:Action"));
  }

  @Test
  void netDuplexFaultsKeepWsAddressingsDefaultFaultAction() throws Exception {
    HttpResponse<String> poll = post(NetDuplex.MAKE_CONNECTION_ACTION, "", makeConnection(client.address));
    Xp fault = new Xp(poll.body());
    assertEquals("http://www.w3.org/2005/08/addressing/soap/fault", fault.text("/s:Envelope/s:Header/a:Action"), poll.body());
  }

  @Test
  void aReplyToOnMakeConnectionIsIgnoredAndTheAnswerComesOnTheBackChannel() throws Exception {
    post("Silverlight/IStockService/Register", client.duplexHeader(), "");
    String envelope = "<s:Envelope xmlns:s=\"" + NetDuplex.SOAP12_NS + "\" xmlns:a=\"" + NetDuplex.WSA_NS + "\">"
        + "<s:Header><a:Action s:mustUnderstand=\"1\">" + NetDuplex.MAKE_CONNECTION_ACTION + "</a:Action>"
        + "<a:MessageID>urn:uuid:" + UUID.randomUUID() + "</a:MessageID>"
        + "<a:ReplyTo><a:Address>http://127.0.0.1:9/elsewhere</a:Address></a:ReplyTo>"
        + "<a:To s:mustUnderstand=\"1\">" + server.address + "</a:To></s:Header>"
        + "<s:Body>" + makeConnection(client.address) + "</s:Body></s:Envelope>";

    HttpResponse<String> poll = send(NetDuplex.MAKE_CONNECTION_ACTION, envelope);

    assertEquals(200, poll.statusCode(), poll.body());
    Xp answer = new Xp(poll.body());
    assertEquals("Silverlight/IStockService/Update", answer.text("/s:Envelope/s:Header/a:Action"));
    assertEquals(client.address, answer.text("/s:Envelope/s:Header/a:To"));
    assertEquals(0, answer.count("/s:Envelope/s:Header/a:RelatesTo"));
  }

  private static String makeConnection(String address) {
    return "<wsmc:MakeConnection xmlns:wsmc=\"" + NetDuplex.WSMC_NS + "\"><wsmc:Address>" + address
        + "</wsmc:Address></wsmc:MakeConnection>";
  }

  private HttpResponse<String> post(String action, String extraHeader, String body) throws Exception {
    return post(action, "urn:uuid:" + UUID.randomUUID(), extraHeader, body);
  }

  private HttpResponse<String> post(String action, String messageId, String extraHeader, String body) throws Exception {
    String envelope = "<s:Envelope xmlns:s=\"" + NetDuplex.SOAP12_NS + "\" xmlns:a=\"" + NetDuplex.WSA_NS + "\">"
        + "<s:Header><a:Action s:mustUnderstand=\"1\">" + action + "</a:Action>"
        + "<a:MessageID>" + messageId + "</a:MessageID>"
        + "<a:ReplyTo><a:Address>http://www.w3.org/2005/08/addressing/anonymous</a:Address></a:ReplyTo>"
        + extraHeader
        + "<a:To s:mustUnderstand=\"1\">" + server.address + "</a:To></s:Header>"
        + "<s:Body>" + body + "</s:Body></s:Envelope>";
    return send(action, envelope);
  }

  private HttpResponse<String> send(String action, String envelope) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(server.address)
        .header("Content-Type", "application/soap+xml; charset=utf-8; action=\"" + action + "\"")
        .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
