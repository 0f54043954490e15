package org.netduplex.server.internal.front;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.NetDuplex;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.SessionIdPolicy;
import org.netduplex.server.internal.CallbackMessage;
import org.netduplex.server.internal.DuplexEngine;
import org.netduplex.server.internal.QueuedMessage;
import org.netduplex.server.internal.RealDuplexSession;
import org.netduplex.testing.FakeScheduler;

/**
 * Poll answer envelopes built from parts (a session's head, a body encoded once per form, the
 * closing bytes) are byte for byte the envelopes the encoder built whole before ({@link TodaysEnvelopes}:
 * the text templates, and {@code Msbin.fromText} of the whole text envelope), in every form, for a
 * seeded set of generated bodies and every kind of message (one-way, two-way request, reply,
 * numbered on an acking address, with and without {@code wsmc:MessagePending}); a body today's
 * encoder refuses in binary is refused too.
 */
class AnswerEnvelopeTest {
  private static final long SEED = 0x5EED_2026_1202L;
  private static final int BODIES = 600;
  private static final List<AnswerForm> FORMS = List.of(new AnswerForm(false, false, false),
      new AnswerForm(false, true, false), new AnswerForm(true, false, false), new AnswerForm(true, true, false));

  private final DuplexEngine engine = new DuplexEngine(DuplexServerConfig.builder()
      .scheduler(new FakeScheduler()).sessionIdPolicy(SessionIdPolicy.ANY).build());
  private final List<RealDuplexSession> sessions = List.of(
      engine.sessionForCall(new DuplexHeader(NetDuplex.ANONYMOUS_URI_PREFIX + "d640645c-4650-4889-8fd0-e7bf52156bcc",
          "e694f6c9-bab4-46a4-b81c-e5488609b48d")),
      engine.sessionForCall(new DuplexHeader(NetDuplex.WCF_ANONYMOUS_URI_PREFIX + "a&b<c>\"d\"é😀", "é-ü-&<日本>-😀")),
      engine.sessionForCall(new DuplexHeader(NetDuplex.ANONYMOUS_URI_PREFIX + "x".repeat(440), "1".repeat(512))));

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void everyGeneratedBodyIsInEachFormWhatTheWholeEnvelopeWasByteForByte() throws Exception {
    Random random = new Random(SEED);
    int compared = 0;
    int refused = 0;
    for (int i = 0; i < BODIES; i++) {
      String body = BodyGenerator.body(random);
      RealDuplexSession session = sessions.get(i % sessions.size());
      for (QueuedMessage m : kindsOfMessage(session, body.getBytes(StandardCharsets.UTF_8), i)) {
        for (AnswerForm form : FORMS) {
          for (boolean pending : form.soap12() ? new boolean[] {false, true} : new boolean[] {false}) {
            byte[] expected;
            try {
              expected = TodaysEnvelopes.of(m, form, pending);
            } catch (Exception e) {
              refused++;
              assertThrows(IllegalStateException.class, () -> AnswerEnvelope.of(m, form, pending),
                  "refused whole but not in parts: " + form + "\n" + body);
              continue;
            }
            assertArrayEquals(expected, AnswerEnvelope.of(m, form, pending), form + ", pending " + pending + "\n" + body);
            compared++;
          }
        }
      }
    }
    // The generator makes mostly well-formed bodies; a few are refused (a prefix the envelope does not bind).
    assertTrue(compared > 10 * refused && compared > 10_000, compared + " compared, " + refused + " refused");
  }

  @Test
  void aBodyThatBinaryCannotEncodeIsRefusedOnceAndAgainWithoutEncodingAgain() {
    CallbackMessage message = new CallbackMessage("<m>\u001B</m>".getBytes(StandardCharsets.UTF_8), "urn:a");
    QueuedMessage m = new QueuedMessage(sessions.get(0), message, 0);
    AnswerForm binary = new AnswerForm(false, true, false);

    IllegalStateException first = assertThrows(IllegalStateException.class, () -> AnswerEnvelope.of(m, binary, false));
    IllegalStateException second = assertThrows(IllegalStateException.class, () -> AnswerEnvelope.of(m, binary, false));

    assertTrue(first.getMessage().startsWith("a callback envelope does not encode as msbin1"), first.getMessage());
    assertEquals(first, second);
    assertEquals(1, message.bodyForms().encodings());
    // Text needs no encoding of the body and still goes out.
    assertTrue(new String(AnswerEnvelope.of(m, new AnswerForm(false, false, false), false), StandardCharsets.UTF_8)
        .contains("<m>\u001B</m>"));
  }

  @Test
  void aSessionsOneWayHeadIsMadeOncePerFormAndReusedForEveryMessage() throws Exception {
    RealDuplexSession session = sessions.get(1);
    for (int i = 0; i < 5; i++) {
      CallbackMessage message = new CallbackMessage(("<m>" + i + "</m>").getBytes(StandardCharsets.UTF_8), "urn:a");
      QueuedMessage m = new QueuedMessage(session, message, 0);
      for (AnswerForm form : FORMS) {
        assertArrayEquals(TodaysEnvelopes.of(m, form, false), AnswerEnvelope.of(m, form, false));
      }
    }
    assertEquals(2, session.heads().encodings()); // SOAP 1.1 text and msbin1; SOAP 1.2 heads are per message
  }

  /** A one-way callback, a two-way callback request, a reply, and a one-way callback numbered on an acking address. */
  private static List<QueuedMessage> kindsOfMessage(RealDuplexSession session, byte[] body, int i) {
    List<QueuedMessage> kinds = new ArrayList<>();
    kinds.add(new QueuedMessage(session, new CallbackMessage(body, "urn:petermcg.wordpress.com/IStockService/Update"), i));
    kinds.add(new QueuedMessage(session, CallbackMessage.request(body, "urn:t/Ask&<é>", "urn:uuid:" + i), i));
    kinds.add(new QueuedMessage(session, CallbackMessage.reply(body, "http://tempuri.org/IChat/JoinResponse",
        "urn:uuid:00000000-0000-0000-0000-" + String.format("%012d", i)), i));
    kinds.add(new QueuedMessage(session, new CallbackMessage(body, "urn:a"), i, "stream-" + i, i + 1L));
    return kinds;
  }
}
