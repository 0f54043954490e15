package org.netduplex.server.internal.cxf;

import org.netduplex.server.internal.front.AnswerForm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.NetDuplex;
import org.netduplex.core.internal.MessageBatch;
import org.netduplex.msbin.Msbin;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.internal.CallbackMessage;
import org.netduplex.server.internal.DuplexEngine;
import org.netduplex.server.internal.PollOutcome;
import org.netduplex.server.internal.QueuedMessage;
import org.netduplex.server.internal.RealDuplexSession;
import org.netduplex.testing.FakeScheduler;

/**
 * Batch answers fit the client's {@code maxResponseBytes} (64 KiB by default) whole: envelopes and
 * multipart framing counted, in every answer form, with the longest address and session id allowed,
 * written with characters that grow when escaped or encoded.
 */
class BatchSizeTest {
  private final DuplexEngine engine = new DuplexEngine(DuplexServerConfig.builder()
      .sessionIdPolicy(org.netduplex.server.SessionIdPolicy.ANY) // ids of the longest length accepted
      .scheduler(new FakeScheduler()).maxPendingMessagesPerSession(500).build());

  @AfterEach
  void close() {
    engine.close();
  }

  /** {@code n} characters: an escaped {@code &}, a 2-byte and a 3-byte UTF-8 character, in turn. */
  private static String growing(String prefix, int n) {
    StringBuilder s = new StringBuilder(prefix);
    String cycle = "&\u00e9\u20ac";
    while (s.length() < n) {
      s.append(cycle.charAt(s.length() % cycle.length()));
    }
    return s.toString();
  }

  @ParameterizedTest(name = "soap12={0} binary={1}")
  @CsvSource({"false, false", "true, false", "false, true", "true, true"})
  void seventyMessagesOf900BytesComeInAnswersWithinTheClientsLimitInOrder(boolean soap12, boolean binary) throws Exception {
    RealDuplexSession session = engine.sessionForCall(new DuplexHeader(
        growing(NetDuplex.WCF_ANONYMOUS_URI_PREFIX, DuplexHeader.MAX_LENGTH), growing("", DuplexHeader.MAX_LENGTH)));
    int count = 70;
    for (int i = 0; i < count; i++) {
      String body = "<m xmlns=\"urn:t\"><n>" + i + "</n><p>" + "x".repeat(860) + "</p></m>";
      engine.send(session, new CallbackMessage(body.getBytes(StandardCharsets.UTF_8), "urn:t/" + "a".repeat(200)));
    }
    AnswerForm form = new AnswerForm(soap12, binary, true);

    List<Integer> order = new ArrayList<>();
    int answers = 0;
    while (order.size() < count && answers < count) {
      QueuedMessage first = assertInstanceOf(PollOutcome.Deliver.class, engine.poll(session.address(), o -> { })).message();
      List<QueuedMessage> batch = new ArrayList<>(List.of(first));
      batch.addAll(engine.takeMore(first, MessageBatch.MAX_MESSAGES, MessageBatch.BUDGET, soap12));
      Captured answer = new Captured();
      PollResponseWriter.writeMessages(answer.response(), batch, form, engine);
      answers++;

      byte[] bytes = answer.body.toByteArray();
      assertTrue(bytes.length <= MessageBatch.MAX_BYTES - MessageBatch.MARGIN,
          "answer " + answers + " of " + batch.size() + " messages is " + bytes.length + " bytes");
      List<byte[]> parts = MessageBatch.decode(answer.contentType, bytes);
      assertEquals(batch.size(), parts.size());
      for (byte[] part : parts) {
        String xml = binary ? Msbin.toText(part) : new String(part, StandardCharsets.UTF_8);
        order.add(Integer.parseInt(xml.substring(xml.indexOf("<n>") + 3, xml.indexOf("</n>"))));
      }
    }

    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      expected.add(i);
    }
    assertEquals(expected, order);
    assertTrue(answers > 2 && answers < 20, "batched, in " + answers + " answers");
    assertEquals(count, engine.metrics().messagesDelivered());
  }

  /** A response that keeps what is written to it. */
  static final class Captured {
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    String contentType;

    HttpServletResponse response() {
      return response(new ArrayList<>());
    }

    /** As {@link #response()}, adding each status set to {@code statuses}. */
    HttpServletResponse response(List<Integer> statuses) {
      ServletOutputStream out = new ServletOutputStream() {
        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) { }

        @Override
        public void write(int b) {
          body.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          body.write(b, off, len);
        }
      };
      return (HttpServletResponse) Proxy.newProxyInstance(BatchSizeTest.class.getClassLoader(),
          new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
            switch (method.getName()) {
              case "getOutputStream" -> {
                return out;
              }
              case "setContentType" -> contentType = (String) args[0];
              case "setStatus" -> statuses.add((Integer) args[0]);
              default -> { }
            }
            return null;
          });
    }
  }
}
