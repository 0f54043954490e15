package org.netduplex.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import javax.xml.datatype.DatatypeFactory;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netduplex.chat.ChatEvent;
import org.netduplex.chat.ChatEventKind;
import org.netduplex.chat.IChatService;
import org.netduplex.chat.IChatServiceCallback;
import org.netduplex.chat.Join;
import org.netduplex.chat.JoinResult;
import org.netduplex.chat.Say;
import org.netduplex.core.NetDuplex;
import org.netduplex.jetty.PollingDuplexJetty;
import org.netduplex.msbin.Msbin;
import org.netduplex.testing.FakeScheduler;
import org.netduplex.testing.WireClient;

/**
 * Request-reply operations on the wire (docs/protocol.md, "Request-reply operations"): in SOAP 1.2 +
 * WS-Addressing the POST of a two-way call is answered {@code 200} empty and its reply, or fault,
 * comes on a poll with {@code wsa:RelatesTo} and the reply action, after the callbacks queued
 * before it; in SOAP 1.1 the reply stays on the POST's own answer.
 */
class RequestReplyTest {
  private static final String JOIN = "urn:netduplex:samples:chat/IChatService/Join";
  private final HttpClient http = HttpClient.newHttpClient();
  private final WireClient client = WireClient.random();
  private ChatServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest(name = "binary={0}")
  @ValueSource(booleans = {false, true})
  void aSoap12ReplyComesOnAPollWithRelatesToAndTheReplyActionAfterTheCallbacksQueuedBeforeIt(boolean binary)
      throws Exception {
    server = new ChatServer(config(16), true);
    String messageId = "urn:uuid:" + UUID.randomUUID();

    HttpResponse<byte[]> join = post12(JOIN, messageId, join("ann"), binary);

    assertEquals(200, join.statusCode(), text(join));
    assertEquals(0, join.body().length, text(join));
    Xp callback = new Xp(text(poll12(binary)));
    assertEquals("urn:netduplex:samples:chat/IChatService/Receive", callback.text("/s:Envelope/s:Header/a:Action"));
    assertEquals("Joined", callback.text("//*[local-name()='Kind']"));
    assertEquals(0, callback.count("/s:Envelope/s:Header/a:RelatesTo"));
    Xp reply = new Xp(text(poll12(binary)));
    assertEquals(messageId, reply.text("/s:Envelope/s:Header/a:RelatesTo"));
    assertEquals("urn:netduplex:samples:chat/IChatService/JoinResponse", reply.text("/s:Envelope/s:Header/a:Action"));
    assertEquals(client.sessionId, reply.text("/s:Envelope/s:Header/netdx:Duplex/netdx:SessionId"));
    assertEquals(client.address, reply.text("/s:Envelope/s:Header/a:To"));
    assertEquals("true", reply.text("/s:Envelope/s:Body/*[local-name()='JoinResult']/*[local-name()='Accepted']"));
    assertEquals("bob", reply.text("//*[local-name()='Members']/*[local-name()='string']"));
  }

  @ParameterizedTest(name = "binary={0}")
  @ValueSource(booleans = {false, true})
  void anUnexpectedExceptionComesOnAPollAsAFaultRelatedToTheRequestWithoutAStackTrace(boolean binary) throws Exception {
    server = new ChatServer(config(16), true);
    String messageId = "urn:uuid:" + UUID.randomUUID();

    HttpResponse<byte[]> join = post12(JOIN, messageId, join("boom"), binary);

    assertEquals(200, join.statusCode(), text(join));
    assertEquals(0, join.body().length);
    String answer = text(poll12(binary));
    Xp fault = new Xp(answer);
    assertEquals(messageId, fault.text("/s:Envelope/s:Header/a:RelatesTo"));
    assertEquals(NetDuplex.SOAP12_NS + " Receiver", fault.qname("/s:Envelope/s:Body/s:Fault/s:Code/s:Value"));
    assertEquals("the room is on fire", fault.text("/s:Envelope/s:Body/s:Fault/s:Reason/s:Text"));
    assertFalse(answer.contains("at org.netduplex"), answer);
    assertFalse(answer.contains("stackTrace"), answer);
  }

  @Test
  void aReplyToNamingTheClientsAnonymousAddressStillGetsItsReplyOnAPoll() throws Exception {
    server = new ChatServer(config(16), true);
    String messageId = "urn:uuid:" + UUID.randomUUID();

    HttpResponse<byte[]> join = post12(JOIN, messageId, client.address, join("ann"), false);

    assertEquals(200, join.statusCode(), text(join));
    assertEquals(0, join.body().length, text(join));
    poll12(false); // the Joined callback
    assertEquals(messageId, new Xp(text(poll12(false))).text("/s:Envelope/s:Header/a:RelatesTo"));
  }

  @Test
  void aCallWhoseReplyWouldFindTheQueueFullIsRefusedOnItsPostBeforeItRuns() throws Exception {
    server = new ChatServer(config(1), true);
    post12(JOIN, "urn:uuid:" + UUID.randomUUID(), join("ann"), false); // its Joined callback fills the queue
    String messageId = "urn:uuid:" + UUID.randomUUID();

    HttpResponse<byte[]> join = post12(JOIN, messageId, join("ann"), false);

    assertEquals(500, join.statusCode(), text(join));
    assertEquals(2, server.feature.sessions().iterator().next().queuedMessages(), "the reply of the first Join got in");
    Xp fault = new Xp(text(join));
    assertEquals(messageId, fault.text("/s:Envelope/s:Header/a:RelatesTo"));
    assertEquals(NetDuplex.FAULTS_NS + " CallbackQueueFull", fault.qname("/s:Envelope/s:Body/s:Fault/s:Code/s:Subcode/s:Value"));
  }

  @Test
  void aSoap12TwoWayCallWithoutMessageIdIsRefusedAsWsAddressingRequires() throws Exception {
    server = new ChatServer(config(16), true);

    HttpResponse<byte[]> join = post12(JOIN, null, join("ann"), false);

    assertEquals(500, join.statusCode(), text(join));
    Xp fault = new Xp(text(join));
    assertEquals(NetDuplex.WSA_NS + " MessageAddressingHeaderRequired",
        fault.qname("/s:Envelope/s:Body/s:Fault/s:Code/s:Subcode/s:Value"));
    assertEquals(0, server.feature.sessions().iterator().next().queuedMessages(), "Join did not run");
  }

  @Test
  void aSoap11CallIsAnsweredOnItsOwnResponse() throws Exception {
    server = new ChatServer(config(16), false);
    HttpRequest request = HttpRequest.newBuilder(server.address)
        .header("Content-Type", "text/xml; charset=utf-8")
        .header("SOAPAction", "\"" + JOIN + "\"")
        .POST(HttpRequest.BodyPublishers.ofString(client.call(join("ann")), StandardCharsets.UTF_8))
        .build();

    HttpResponse<String> join = http.send(request, HttpResponse.BodyHandlers.ofString());

    assertEquals(200, join.statusCode(), join.body());
    Xp reply = new Xp(join.body());
    assertEquals("true", reply.text("//*[local-name()='Accepted']"));
    assertEquals("bob", reply.text("//*[local-name()='Members']/*[local-name()='string']"));
  }

  private static DuplexServerConfig config(int maxPending) {
    return DuplexServerConfig.builder().scheduler(new FakeScheduler()).maxPendingMessagesPerSession(maxPending).build();
  }

  private static String join(String name) {
    return "<Join xmlns=\"urn:netduplex:samples:chat\"><Name>" + name + "</Name></Join>";
  }

  private HttpResponse<byte[]> poll12(boolean binary) throws Exception {
    return post12(NetDuplex.MAKE_CONNECTION_ACTION, null,
        "<wsmc:MakeConnection xmlns:wsmc=\"" + NetDuplex.WSMC_NS + "\"><wsmc:Address>" + client.address
            + "</wsmc:Address></wsmc:MakeConnection>", binary);
  }

  /** A SOAP 1.2 message as WCF sends one: a two-way call has a MessageID and an anonymous ReplyTo. */
  private HttpResponse<byte[]> post12(String action, String messageId, String body, boolean binary) throws Exception {
    return post12(action, messageId, "http://www.w3.org/2005/08/addressing/anonymous", body, binary);
  }

  private HttpResponse<byte[]> post12(String action, String messageId, String replyTo, String body, boolean binary)
      throws Exception {
    String envelope = "<s:Envelope xmlns:s=\"" + NetDuplex.SOAP12_NS + "\" xmlns:a=\"" + NetDuplex.WSA_NS + "\">"
        + "<s:Header><a:Action s:mustUnderstand=\"1\">" + action + "</a:Action>"
        + (messageId == null ? "" : "<a:MessageID>" + messageId + "</a:MessageID>"
            + "<a:ReplyTo><a:Address>" + replyTo + "</a:Address></a:ReplyTo>")
        + (action.equals(NetDuplex.MAKE_CONNECTION_ACTION) ? "" : client.duplexHeader())
        + "<a:To s:mustUnderstand=\"1\">" + server.address + "</a:To></s:Header>"
        + "<s:Body>" + body + "</s:Body></s:Envelope>";
    HttpRequest.Builder request = HttpRequest.newBuilder(server.address);
    if (binary) {
      request.header("Content-Type", Msbin.CONTENT_TYPE).POST(HttpRequest.BodyPublishers.ofByteArray(Msbin.fromText(envelope)));
    } else {
      request.header("Content-Type", "application/soap+xml; charset=utf-8; action=\"" + action + "\"")
          .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The answer as text, read from binary when it is binary. */
  private static String text(HttpResponse<byte[]> response) throws Exception {
    if (Msbin.isMsbin(response.headers().firstValue("Content-Type").orElse(""))) {
      return Msbin.toText(response.body());
    }
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** Chat's Join: tells the room (the caller included) with a callback, then answers who else is present. */
  public abstract static class ChatLogic implements IChatService {
    @Override
    public JoinResult join(Join join) {
      if ("boom".equals(join.getName())) {
        throw new IllegalStateException("the room is on fire");
      }
      ChatEvent joined = new ChatEvent();
      joined.setFrom(join.getName());
      joined.setKind(ChatEventKind.JOINED);
      joined.setTime(DatatypeFactory.newDefaultInstance().newXMLGregorianCalendar("2026-01-01T00:00:00Z"));
      CallbackChannels.current(IChatServiceCallback.class).receive(joined);
      JoinResult result = new JoinResult();
      result.setAccepted(true);
      result.setMembers(new org.netduplex.chat.ArrayOfstring());
      result.getMembers().getString().addAll(List.of("bob"));
      return result;
    }

    @Override
    public void say(Say say) {}

    @Override
    public void leave() {}
  }

  @jakarta.jws.WebService(serviceName = "ChatService", portName = "PollingDuplexHttpBinding_IChatService",
      targetNamespace = "urn:netduplex:samples:chat", endpointInterface = "org.netduplex.chat.IChatService")
  public static class Chat11 extends ChatLogic {}

  @jakarta.jws.WebService(serviceName = "ChatService", portName = "CustomBinding_IChatService",
      targetNamespace = "urn:netduplex:samples:chat", endpointInterface = "org.netduplex.chat.IChatService")
  @jakarta.xml.ws.BindingType(jakarta.xml.ws.soap.SOAPBinding.SOAP12HTTP_BINDING)
  public static class Chat12 extends ChatLogic {}

  static final class ChatServer implements AutoCloseable {
    final URI address;
    final PollingDuplexFeature feature;
    private final Bus bus;
    private final Server endpoint;

    ChatServer(DuplexServerConfig config, boolean soap12) {
      int port = DuplexTestServer.freePort();
      this.address = URI.create("http://localhost:" + port + "/ChatService");
      this.feature = new PollingDuplexFeature(config);
      this.bus = BusFactory.newInstance().createBus();
      PollingDuplexJetty.preparePort(bus, "localhost", port, 16);
      JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
      factory.setBus(bus);
      ChatLogic service = soap12 ? new Chat12() : new Chat11();
      factory.setServiceClass(service.getClass());
      if (soap12) {
        factory.setBindingId(jakarta.xml.ws.soap.SOAPBinding.SOAP12HTTP_BINDING);
        factory.getFeatures().add(new org.apache.cxf.ws.addressing.WSAddressingFeature());
      }
      factory.setServiceBean(service);
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
