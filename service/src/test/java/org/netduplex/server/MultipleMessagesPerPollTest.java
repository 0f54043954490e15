package org.netduplex.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netduplex.core.DuplexMode;
import org.netduplex.core.internal.MessageBatch;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.testing.Eventually;
import org.netduplex.testing.FakeScheduler;
import org.netduplex.testing.SoapHttp;
import org.netduplex.testing.WireClient;

/**
 * NetDuplex's opt-in MULTIPLE_MESSAGES_PER_POLL framing (docs/protocol.md section 3): a poll sending
 * {@code Accept: multipart/mixed} to a server in that mode gets every waiting message at once.
 */
class MultipleMessagesPerPollTest {
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private DuplexTestServer server;

  private void start(DuplexMode mode) {
    server = new DuplexTestServer(DuplexServerConfig.builder().scheduler(new FakeScheduler())
        .maxPendingMessagesPerSession(500).duplexMode(mode).build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aBurstOf200IsDeliveredInOrderInFourPolls() throws Exception {
    start(DuplexMode.MULTIPLE_MESSAGES_PER_POLL);
    WireClient client = registeredWithBurst(200);

    List<String> symbols = new ArrayList<>();
    int polls = 0;
    while (symbols.size() < 200 && polls < 200) {
      HttpResponse<byte[]> answer = poll(client, true);
      polls++;
      String type = answer.headers().firstValue("Content-Type").orElse("");
      assertTrue(MessageBatch.isBatch(type), type);
      for (byte[] part : MessageBatch.decode(type, answer.body())) {
        String envelope = new String(part, StandardCharsets.UTF_8);
        assertTrue(envelope.contains(client.sessionIdElement()), envelope);
        symbols.add(envelope.substring(envelope.indexOf("<Symbol>") + 8, envelope.indexOf("</Symbol>")));
      }
    }

    for (int i = 0; i < 200; i++) {
      assertEquals("S" + i, symbols.get(i));
    }
    assertEquals(4, polls, "64 + 64 + 64 + 8");
    // Counted after the write completes, which the client may see first.
    Eventually.await("deliveries counted", () -> server.feature.metrics().messagesDelivered() == 200 + 1);
    assertEquals(4 + 1, server.feature.metrics().pollsAnsweredWithMessages()); // + the Register quote's poll
  }

  @Test
  void seventyCallbacksOf900BytesComeInAnswersThatFitTheClientsDefaultLimitInOrder() throws Exception {
    start(DuplexMode.MULTIPLE_MESSAGES_PER_POLL);
    WireClient client = registeredWithBurst(70, "n".repeat(850));

    List<String> symbols = new ArrayList<>();
    int polls = 0;
    while (symbols.size() < 70 && polls < 70) {
      HttpResponse<byte[]> answer = poll(client, true);
      polls++;
      // The client's default maxResponseBytes counts the whole body, framing included.
      assertTrue(answer.body().length <= MessageBatch.MAX_BYTES - MessageBatch.MARGIN, "answer of " + answer.body().length + " bytes");
      String type = answer.headers().firstValue("Content-Type").orElse("");
      for (byte[] part : MessageBatch.decode(type, answer.body())) {
        String envelope = new String(part, StandardCharsets.UTF_8);
        assertTrue(envelope.contains("n".repeat(850)), envelope);
        symbols.add(envelope.substring(envelope.indexOf("<Symbol>") + 8, envelope.indexOf("</Symbol>")));
      }
    }

    for (int i = 0; i < 70; i++) {
      assertEquals("S" + i, symbols.get(i));
    }
    assertTrue(polls >= 2 && polls <= 3, polls + " polls");
    Eventually.await("deliveries counted", () -> server.feature.metrics().messagesDelivered() == 70 + 1);
  }

  @Test
  void aPollThatDoesNotAskForABatchGetsOneMessageAsCaptured() throws Exception {
    start(DuplexMode.MULTIPLE_MESSAGES_PER_POLL);
    WireClient client = registeredWithBurst(3);

    HttpResponse<byte[]> answer = poll(client, false);

    assertEquals("text/xml;charset=utf-8", answer.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
    String body = new String(answer.body(), StandardCharsets.UTF_8);
    assertTrue(body.startsWith("<s:Envelope") && body.contains("<Symbol>S0</Symbol>"), body);
    assertFalse(body.contains("S1"), body);
  }

  @Test
  void aSingleMessageServerIgnoresTheBatchRequest() throws Exception {
    start(DuplexMode.SINGLE_MESSAGE_PER_POLL);
    WireClient client = registeredWithBurst(3);

    HttpResponse<byte[]> answer = poll(client, true);

    String body = new String(answer.body(), StandardCharsets.UTF_8);
    assertTrue(body.startsWith("<s:Envelope") && body.contains("<Symbol>S0</Symbol>") && !body.contains("S1"), body);
  }

  /** A registered client whose Register quote was polled away, with {@code n} callbacks S0.. queued. */
  private WireClient registeredWithBurst(int n) throws Exception {
    return registeredWithBurst(n, null);
  }

  /** As {@link #registeredWithBurst(int)}, each callback carrying {@code notes}. */
  private WireClient registeredWithBurst(int n, String notes) throws Exception {
    SoapHttp soap = new SoapHttp(server.address);
    WireClient client = WireClient.random();
    soap.post(WireClient.REGISTER, client.register());
    DuplexSession session = server.feature.sessions().iterator().next();
    Eventually.await("Register queued its quote", () -> session.queuedMessages() == 1);
    assertTrue(soap.post(WireClient.MAKE_CONNECTION, client.makeConnection()).body().contains("AAHH"));
    IStockServiceCallback callback = session.callback(IStockServiceCallback.class);
    for (int i = 0; i < n; i++) {
      callback.update(StockServiceLogic.stock("S" + i, i, i, notes));
    }
    return client;
  }

  private HttpResponse<byte[]> poll(WireClient client, boolean acceptBatch) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.address)
        .header("Content-Type", "text/xml; charset=utf-8")
        .header("SOAPAction", "\"" + WireClient.MAKE_CONNECTION + "\"")
        .POST(HttpRequest.BodyPublishers.ofString(client.makeConnection()));
    if (acceptBatch) {
      request.header("Accept", "multipart/mixed, text/xml");
    }
    HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, answer.statusCode());
    return answer;
  }
}
