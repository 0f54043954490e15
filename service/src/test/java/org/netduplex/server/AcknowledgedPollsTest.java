package org.netduplex.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.testing.Eventually;
import org.netduplex.testing.SoapHttp;
import org.netduplex.testing.WireClient;

/** nda:Ack read from real SOAP 1.1 polls and nda:Sequence written in their answers (docs/protocol.md section 15). */
class AcknowledgedPollsTest {
  private static final Pattern SEQUENCE = Pattern.compile(
      "<nda:Sequence xmlns:nda=\"urn:netduplex:delivery\" stream=\"([^\"]+)\">(\\d+)</nda:Sequence></s:Header>");

  private DuplexTestServer server;
  private SoapHttp http;

  @BeforeEach
  void start() {
    server = new DuplexTestServer(DuplexServerConfig.builder().build());
    http = new SoapHttp(server.address);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String poll(WireClient client, String ack) {
    return client.makeConnection().replace("<s:Body>", "<s:Header>" + ack + "</s:Header><s:Body>");
  }

  private static String ack(String stream, long n) {
    return "<nda:Ack xmlns:nda=\"urn:netduplex:delivery\"" + (stream == null ? "" : " stream=\"" + stream + "\"")
        + ">" + n + "</nda:Ack>";
  }

  @Test
  void anAckingPollGetsANumberedMessageAgainUntilItIsAckedThenTheNext() throws Exception {
    WireClient client = WireClient.random();
    http.post(WireClient.REGISTER, client.register()); // queues one quote
    DuplexSession session = server.feature.sessions().iterator().next();
    // Register is one-way: its 200 comes before the operation queues its quote, which must be first.
    Eventually.await("Register's quote queued", () -> session.queuedMessages() == 1);
    session.callback(IStockServiceCallback.class).update(StockServiceLogic.stock("SECOND", 1, 1, null));

    String first = http.post(WireClient.MAKE_CONNECTION, poll(client, ack(null, 0))).body();
    Matcher m = SEQUENCE.matcher(first);
    assertTrue(m.find(), first);
    String stream = m.group(1);
    assertEquals("1", m.group(2));
    String again = http.post(WireClient.MAKE_CONNECTION, client.makeConnection()).body(); // its answer was "lost"
    String next = http.post(WireClient.MAKE_CONNECTION, poll(client, ack(stream, 1))).body();

    assertEquals(first, again, "resent as it was, same number");
    assertTrue(next.contains("<Symbol>SECOND</Symbol>"), next);
    assertTrue(next.contains("stream=\"" + stream + "\">2</nda:Sequence>"), next);
    assertEquals(1, server.feature.metrics().messagesDelivered(), "only the acked one");
  }

  @Test
  void aPollThatNeverAckedGetsTheMessageWithoutAnyNumber() throws Exception {
    WireClient client = WireClient.random();
    http.post(WireClient.REGISTER, client.register());

    String answer = http.post(WireClient.MAKE_CONNECTION, client.makeConnection()).body();

    assertTrue(answer.contains("<Symbol>AAHH</Symbol>"), answer);
    assertFalse(answer.contains("nda:"), answer);
    Eventually.await("counted delivered when written", () -> server.feature.metrics().messagesDelivered() == 1);
  }

  @Test
  void anAckThatIsNotANumberIsASenderFault() throws Exception {
    WireClient client = WireClient.random();
    http.post(WireClient.REGISTER, client.register());

    HttpResponse<String> answer = http.post(WireClient.MAKE_CONNECTION, poll(client, ack(null, 0).replace(">0<", ">-1<")));

    assertEquals(500, answer.statusCode());
    assertTrue(answer.body().contains("nda:Ack must hold a whole number"), answer.body());
    assertTrue(answer.body().contains(":Client</faultcode>"), answer.body());
  }

  @Test
  void aCloseCarryingTheAckEndsTheHalfClosedSessionAtOnce() throws Exception {
    WireClient client = WireClient.random();
    http.post(WireClient.REGISTER, client.register());
    String first = http.post(WireClient.MAKE_CONNECTION, poll(client, ack(null, 0))).body();
    Matcher m = SEQUENCE.matcher(first);
    assertTrue(m.find(), first);

    String close = WireClient.envelope(client.duplexHeader().replace("</netdx:Duplex>", "<netdx:CloseSession/></netdx:Duplex>")
        + ack(m.group(1), 1), "");
    assertEquals(200, http.post(WireClient.REGISTER, close).statusCode());

    assertEquals(0, server.feature.metrics().openSessions());
    assertEquals(1, server.feature.metrics().messagesDelivered());
  }
}
