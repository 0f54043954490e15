package org.netduplex.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Streamed batch answers on real HTTP (docs/protocol.md section 19): a poll carrying
 * {@code nda:StreamedAnswer} gets a chunked answer that carries each message as it is queued and
 * closes after the window (fake time here), before a message that would pass {@code maxBatchBytes},
 * or when a newer poll comes.
 */
class StreamedBatchTest {
  private static final Pattern SEQUENCE = Pattern.compile("stream=\"([^\"]+)\">(\\d+)</nda:Sequence>");
  private final FakeScheduler clock = new FakeScheduler();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private DuplexTestServer server;
  private WireClient client;
  private IStockServiceCallback callback;

  private void start(int maxBatchBytes) throws Exception {
    server = new DuplexTestServer(DuplexServerConfig.builder().scheduler(clock).duplexMode(DuplexMode.MULTIPLE_MESSAGES_PER_POLL)
        .streamedAnswerWindow(Duration.ofMillis(200)).maxBatchBytes(maxBatchBytes).build());
    SoapHttp soap = new SoapHttp(server.address);
    client = WireClient.random();
    soap.post(WireClient.REGISTER, client.register());
    DuplexSession session = server.feature.sessions().iterator().next();
    Eventually.await("Register queued its quote", () -> session.queuedMessages() == 1);
    assertTrue(soap.post(WireClient.MAKE_CONNECTION, client.makeConnection()).body().contains("AAHH"));
    callback = session.callback(IStockServiceCallback.class);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void eachMessageArrivesInItsOwnPartWhileTheAnswerStaysOpenUntilTheWindowEnds() throws Exception {
    start(MessageBatch.BUDGET);
    try (StreamedPoll poll = StreamedPoll.send(server.address, client, StreamedPoll.SIGNAL)) {
      Eventually.await("poll parked", () -> server.feature.metrics().parkedPolls() == 1);

      update("S0");
      assertEquals("S0", symbol(poll.nextPart()));
      clock.advanceBy(Duration.ofMillis(199));
      update("S1");
      assertEquals("S1", symbol(poll.nextPart()), "still the same answer 199 ms after its first part");
      clock.advanceBy(Duration.ofMillis(1));

      assertEquals(List.of(), poll.rest(), "closed at 200 ms");
      assertTrue(poll.head().contains("multipart/mixed; boundary=\"netduplex-"), poll.head());
    }
    Eventually.await("both counted delivered", () -> server.feature.metrics().messagesDelivered() == 1 + 2);
    assertEquals(1 + 1, server.feature.metrics().pollsAnsweredWithMessages(), "one answer carried both");
  }

  @Test
  void theAnswerClosesBeforeAMessageThatWouldPassMaxBatchBytesAndTheNextPollGetsItFirst() throws Exception {
    start(4_000); // two callbacks of 1,000 characters fit, a third does not
    for (int i = 0; i < 5; i++) {
      update("S" + i, "n".repeat(1_000));
    }

    List<String> symbols = new ArrayList<>();
    for (int answer = 0; answer < 2; answer++) {
      try (StreamedPoll poll = StreamedPoll.send(server.address, client, StreamedPoll.SIGNAL)) {
        List<String> parts = poll.rest(); // no clock moved: the size bound closed it
        assertEquals(2, parts.size(), "answer " + answer + ": " + parts.size() + " parts");
        assertTrue(parts.stream().mapToInt(p -> p.getBytes(StandardCharsets.UTF_8).length + MessageBatch.PART_OVERHEAD).sum()
            <= 4_000);
        parts.forEach(p -> symbols.add(symbol(p)));
      }
    }
    try (StreamedPoll poll = StreamedPoll.send(server.address, client, StreamedPoll.SIGNAL)) {
      symbols.add(symbol(poll.nextPart()));
      clock.advanceBy(Duration.ofMillis(200));
      assertEquals(List.of(), poll.rest());
    }

    assertEquals(List.of("S0", "S1", "S2", "S3", "S4"), symbols);
  }

  @Test
  void aNewerPollClosesAStreamedAnswerWaitingForMoreAndGetsWhatComesNext() throws Exception {
    start(MessageBatch.BUDGET);
    try (StreamedPoll first = StreamedPoll.send(server.address, client, StreamedPoll.SIGNAL)) {
      update("S0");
      assertEquals("S0", symbol(first.nextPart()));

      try (StreamedPoll second = StreamedPoll.send(server.address, client, StreamedPoll.SIGNAL)) {
        assertEquals(List.of(), first.rest(), "closed by the newer poll, no clock moved");
        Eventually.await("the newer poll parked", () -> server.feature.metrics().parkedPolls() == 1);
        update("S1");
        assertEquals("S1", symbol(second.nextPart()));
      }
    }
  }

  @Test
  void aClientCutMidStreamLosesNothingWhenItAcks() throws Exception {
    start(MessageBatch.BUDGET);
    String stream;
    try (StreamedPoll poll = StreamedPoll.send(server.address, client, StreamedPoll.SIGNAL + ack(null, 0))) {
      Eventually.await("poll parked", () -> server.feature.metrics().parkedPolls() == 1);
      update("S0");
      String part = poll.nextPart();
      assertEquals("S0", symbol(part));
      Matcher m = SEQUENCE.matcher(part);
      assertTrue(m.find(), part);
      stream = m.group(1);
      assertEquals("1", m.group(2));
    } // cut (a reset) with the answer open: S1.. go to an answer nobody reads
    for (int i = 1; i <= 3; i++) {
      update("S" + i);
    }

    // The client handed S0 on; its next poll (a buffered batch this time) acks it.
    HttpResponse<byte[]> next = http.send(HttpRequest.newBuilder(server.address)
        .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"" + WireClient.MAKE_CONNECTION + "\"")
        .header("Accept", "multipart/mixed, text/xml")
        .POST(HttpRequest.BodyPublishers.ofString(withHeaders(ack(stream, 1)))).build(), HttpResponse.BodyHandlers.ofByteArray());

    String type = next.headers().firstValue("Content-Type").orElse("");
    List<String> symbols = new ArrayList<>();
    List<String> numbers = new ArrayList<>();
    for (byte[] p : MessageBatch.decode(type, next.body())) {
      String envelope = new String(p, StandardCharsets.UTF_8);
      symbols.add(symbol(envelope));
      Matcher m = SEQUENCE.matcher(envelope);
      assertTrue(m.find() && m.group(1).equals(stream), envelope);
      numbers.add(m.group(2));
    }
    assertEquals(List.of("S1", "S2", "S3"), symbols, "none lost, in order");
    assertEquals(List.of("2", "3", "4"), numbers, "the numbers they were first sent with");
    assertEquals(1 + 1, server.feature.metrics().messagesDelivered(), "the quote and S0: written is not delivered");
  }

  @Test
  void aPollWithoutTheSignalGetsOneBufferedBatchWithItsLengthAsBefore() throws Exception {
    start(MessageBatch.BUDGET);
    update("S0");
    update("S1");

    HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(server.address)
        .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"" + WireClient.MAKE_CONNECTION + "\"")
        .header("Accept", "multipart/mixed, text/xml")
        .POST(HttpRequest.BodyPublishers.ofString(client.makeConnection())).build(), HttpResponse.BodyHandlers.ofByteArray());

    assertEquals(String.valueOf(answer.body().length), answer.headers().firstValue("Content-Length").orElse(""));
    assertFalse(answer.headers().firstValue("Transfer-Encoding").isPresent());
    String type = answer.headers().firstValue("Content-Type").orElse("");
    assertEquals(2, MessageBatch.decode(type, answer.body()).size());
  }

  private void update(String symbol) {
    update(symbol, null);
  }

  private void update(String symbol, String notes) {
    callback.update(StockServiceLogic.stock(symbol, 1, 1, notes));
  }

  private String withHeaders(String headers) {
    return client.makeConnection().replace("<s:Body>", "<s:Header>" + headers + "</s:Header><s:Body>");
  }

  private static String ack(String stream, long n) {
    return "<nda:Ack xmlns:nda=\"urn:netduplex:delivery\"" + (stream == null ? "" : " stream=\"" + stream + "\"")
        + ">" + n + "</nda:Ack>";
  }

  private static String symbol(String envelope) {
    return envelope.substring(envelope.indexOf("<Symbol>") + 8, envelope.indexOf("</Symbol>"));
  }
}
