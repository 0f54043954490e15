package org.netduplex.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.internal.Soap11Envelopes;
import org.netduplex.core.internal.Soap12Envelopes;
import org.netduplex.msbin.Msbin;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.internal.CallbackMessage;
import org.netduplex.server.internal.DuplexEngine;
import org.netduplex.server.internal.QueuedMessage;
import org.netduplex.server.internal.RealDuplexSession;
import org.netduplex.server.internal.front.AnswerForm;
import org.netduplex.server.internal.front.PollAnswer;
import org.netduplex.testing.CapturedHttpMessage;
import org.netduplex.testing.FakeScheduler;
import org.xmlunit.diff.Diff;

/**
 * The body of every captured message (seed 002: A's is empty; C, D, E and F as WCF wrote them,
 * whitespace included) sent as a callback to the captured session: the poll answer built from the
 * session's head and the body encoded once is, in each form, byte for byte the whole text envelope
 * and {@code Msbin.fromText} of it, as the encoder made it before; D's and F's decode to what WCF
 * answered.
 */
class CapturedBodiesEncodedOnceTest {
  private static final List<String> CAPTURES = List.of("A-register.request.http", "C-makeconnection.request.http",
      "D-makeconnection.response.http", "E-sync.request.http", "F-makeconnection.response.http");
  private static final CapturedHttpMessage D = Replay.capture("D-makeconnection.response.http");

  private final DuplexEngine engine = new DuplexEngine(DuplexServerConfig.builder().scheduler(new FakeScheduler()).build());
  private final RealDuplexSession captured = engine.sessionForCall(new DuplexHeader(
      between(D.bodyText(), "<netdx:Address>", "</netdx:Address>"),
      between(D.bodyText(), "<netdx:SessionId>", "</netdx:SessionId>")));

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void everyCapturedBodyIsAnsweredInEachFormAsTheWholeEnvelopeWasEncoded() throws Exception {
    for (String name : CAPTURES) {
      byte[] body = bodyContent(Replay.capture(name).bodyText()).getBytes(StandardCharsets.UTF_8);
      CallbackMessage message = new CallbackMessage(body, "urn:petermcg.wordpress.com/IStockService/Update");
      QueuedMessage m = new QueuedMessage(captured, message, 0);
      for (boolean soap12 : new boolean[] {false, true}) {
        byte[] text = soap12 ? Soap12Envelopes.message(captured.header(), message.action(), body)
            : Soap11Envelopes.envelope(Soap11Envelopes.duplexHeaderBlock(captured.header()), body);
        assertArrayEquals(text, PollAnswer.encode(List.of(m), new AnswerForm(soap12, false, false), engine).body(), name);
        byte[] binary = PollAnswer.encode(List.of(m), new AnswerForm(soap12, true, false), engine).body();
        assertArrayEquals(Msbin.fromText(new String(text, StandardCharsets.UTF_8)), binary, name + ", SOAP 1.2 " + soap12);
        if (!soap12 && (name.startsWith("D") || name.startsWith("F"))) {
          CapturedHttpMessage wcf = Replay.capture(name);
          Diff diff = CapturedXml.similar(wcf.bodyText(), Msbin.toText(binary), Set.of());
          assertFalse(diff.hasDifferences(), diff.fullDescription());
        }
      }
      assertEquals(2, message.bodyForms().encodings(), name);
    }
  }

  /** What is inside {@code s:Body}: nothing for A's {@code <s:Body />}. */
  private static String bodyContent(String envelope) {
    return envelope.contains("<s:Body />") ? "" : between(envelope, "<s:Body>", "</s:Body>");
  }

  private static String between(String text, String open, String close) {
    int from = text.indexOf(open);
    int to = text.indexOf(close, from);
    assertTrue(from >= 0 && to > from, open + " in " + text);
    return text.substring(from + open.length(), to);
  }
}
