package org.netduplex.client.twoway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netduplex.core.NetDuplex;
import org.netduplex.server.CallbackFaultException;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.DuplexSession;
import org.netduplex.testing.FakeScheduler;
import org.netduplex.testing.WireClient;

/**
 * The wire rules of two-way callbacks (docs/protocol.md section 13), spoken by hand in SOAP 1.1 and
 * SOAP 1.2: what a request carries, and how the server takes answers that match, come late, name
 * another session or do not decode.
 */
class TwoWayCallbackWireTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Pattern WSA_ID = Pattern.compile("<a:MessageID>([^<]+)</a:MessageID>");
  private static final Pattern NETDX_ID = Pattern.compile("<netdx:MessageID [^>]*>([^<]+)</netdx:MessageID>");

  private final HttpClient http = HttpClient.newHttpClient();
  private final WireClient wire = WireClient.random();
  private QuizServer server;
  private boolean soap12;
  private DuplexSession session;

  private void start(boolean soap12) throws Exception {
    this.soap12 = soap12;
    server = new QuizServer(DuplexServerConfig.builder().scheduler(new FakeScheduler()).build(), soap12);
    HttpResponse<String> join = post(IQuizCallback.NS + "/IQuizService/Join", wire.duplexHeader(),
        "<Join xmlns=\"" + IQuizCallback.NS + "\"><text>p1</text></Join>");
    assertEquals(200, join.statusCode(), join.body());
    session = server.service.joined.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aRequestCarriesItsIdAndTheAnswerRelatingToItIsTheCallsValue(boolean soap12) throws Exception {
    start(soap12);
    CompletableFuture<Question> call = ask("hello");
    String request = poll();

    assertTrue(request.contains("<text>hello</text>"), request);
    String id = messageId(request);
    assertTrue(id.startsWith("urn:uuid:"), id);
    if (soap12) {
      assertTrue(request.contains(">" + IQuizCallback.NS + "/IQuizCallback/Ask</a:Action>"), request);
      assertTrue(request.contains("<a:ReplyTo><a:Address>" + wire.address + "</a:Address></a:ReplyTo>"), request);
    } else {
      assertTrue(request.contains("<netdx:MessageID xmlns:netdx=\"" + NetDuplex.NETDX_NS + "\">" + id), request);
      assertFalse(request.contains("MessageID s:mustUnderstand"), request);
    }

    HttpResponse<String> answer = answer(id, wire.duplexHeader(),
        "<AskResponse xmlns=\"" + IQuizCallback.NS + "\"><text>HELLO</text></AskResponse>");
    assertEquals(200, answer.statusCode(), answer.body());
    assertEquals("", answer.body());
    assertEquals("HELLO", call.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).text);

    HttpResponse<String> again = answer(id, wire.duplexHeader(),
        "<AskResponse xmlns=\"" + IQuizCallback.NS + "\"><text>again</text></AskResponse>");
    assertEquals(200, again.statusCode(), again.body());
    assertEquals(1, server.feature.metrics().lateCallbackReplies());
    assertEquals(0, server.feature.metrics().messagesRefused());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aOneWayCallbackCarriesNoId(boolean soap12) throws Exception {
    start(soap12);
    session.callback(IQuizCallback.class).notice(Question.of("round one"));
    String notice = poll();
    assertTrue(notice.contains("<text>round one</text>"), notice);
    assertFalse(notice.contains("MessageID"), notice);
    assertFalse(notice.contains("ReplyTo"), notice);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void anAnswerFromAnotherSessionIsRefusedAndTheCallGoesOnWaiting(boolean soap12) throws Exception {
    start(soap12);
    CompletableFuture<Question> call = ask("who");
    String id = messageId(poll());

    HttpResponse<String> stranger = answer(id, wire.anotherSessionOnSameAddress().duplexHeader(),
        "<AskResponse xmlns=\"" + IQuizCallback.NS + "\"><text>not you</text></AskResponse>");
    assertEquals(500, stranger.statusCode());
    assertTrue(stranger.body().contains("MalformedCallbackReply"), stranger.body());
    assertFalse(stranger.body().contains("at org."), "no stack trace: " + stranger.body());
    assertFalse(call.isDone());

    answer(id, wire.duplexHeader(), "<AskResponse xmlns=\"" + IQuizCallback.NS + "\"><text>me</text></AskResponse>");
    assertEquals("me", call.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).text);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void anAnswerThatDoesNotDecodeFailsTheCallAndGetsAFault(boolean soap12) throws Exception {
    start(soap12);
    CompletableFuture<Question> call = ask("what");
    String id = messageId(poll());

    HttpResponse<String> wrong = answer(id, wire.duplexHeader(), "<Other xmlns=\"" + IQuizCallback.NS + "\"/>");
    assertEquals(500, wrong.statusCode());
    assertTrue(wrong.body().contains("MalformedCallbackReply"), wrong.body());
    ExecutionException failed = assertThrows(ExecutionException.class, () -> call.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    CallbackFaultException fault = assertInstanceOf(CallbackFaultException.class, failed.getCause());
    assertTrue(fault.getMessage().contains("{urn:netduplex:test:quiz}Other"), fault.getMessage());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void anAnswerToNoRequestIsDroppedAndCountedNeverDispatched(boolean soap12) throws Exception {
    start(soap12);
    HttpResponse<String> stray = answer("urn:uuid:" + UUID.randomUUID(), wire.duplexHeader(),
        "<Join xmlns=\"" + IQuizCallback.NS + "\"><text>p2</text></Join>");
    assertEquals(200, stray.statusCode(), stray.body());
    assertEquals(1, server.feature.metrics().lateCallbackReplies());
    assertTrue(server.service.joined.isEmpty(), "an answer is never a service call");
  }

  private CompletableFuture<Question> ask(String text) {
    IQuizCallback quiz = session.callback(IQuizCallback.class);
    return CompletableFuture.supplyAsync(() -> {
      try {
        return quiz.ask(Question.of(text));
      } catch (QuizRefusedException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private String poll() throws Exception {
    HttpResponse<String> poll = post(NetDuplex.MAKE_CONNECTION_ACTION, "",
        "<wsmc:MakeConnection xmlns:wsmc=\"" + NetDuplex.WSMC_NS + "\"><wsmc:Address>" + wire.address
            + "</wsmc:Address></wsmc:MakeConnection>");
    assertEquals(200, poll.statusCode(), poll.body());
    return poll.body();
  }

  private String messageId(String request) {
    Matcher m = (soap12 ? WSA_ID : NETDX_ID).matcher(request);
    assertTrue(m.find(), request);
    return m.group(1);
  }

  private HttpResponse<String> answer(String relatesTo, String duplexHeader, String body) throws Exception {
    String relates = soap12 ? "<a:RelatesTo>" + relatesTo + "</a:RelatesTo>"
        : "<netdx:RelatesTo xmlns:netdx=\"" + NetDuplex.NETDX_NS + "\">" + relatesTo + "</netdx:RelatesTo>";
    return post(IQuizCallback.NS + "/IQuizCallback/AskResponse", duplexHeader + relates, body);
  }

  private HttpResponse<String> post(String action, String headers, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.address).timeout(WAIT);
    String envelope;
    if (soap12) {
      envelope = "<s:Envelope xmlns:s=\"" + NetDuplex.SOAP12_NS + "\" xmlns:a=\"" + NetDuplex.WSA_NS + "\"><s:Header>"
          + "<a:Action s:mustUnderstand=\"1\">" + action + "</a:Action><a:To s:mustUnderstand=\"1\">" + server.address
          + "</a:To>" + headers + "</s:Header><s:Body>" + body + "</s:Body></s:Envelope>";
      request.header("Content-Type", "application/soap+xml; charset=utf-8");
    } else {
      envelope = WireClient.envelope(headers, body);
      request.header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"" + action + "\"");
    }
    return http.send(request.POST(HttpRequest.BodyPublishers.ofString(envelope)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

}
