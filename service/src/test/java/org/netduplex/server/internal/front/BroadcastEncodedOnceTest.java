package org.netduplex.server.internal.front;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.NetDuplex;
import org.netduplex.core.internal.MessageBatch;
import org.netduplex.server.CallbackChannels;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.internal.CallbackMessage;
import org.netduplex.server.internal.DuplexEngine;
import org.netduplex.server.internal.PollOutcome;
import org.netduplex.server.internal.QueuedMessage;
import org.netduplex.server.internal.RealDuplexSession;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.stock.Stock;
import org.netduplex.testing.FakeScheduler;

/**
 * A broadcast's callback is encoded once per wire form however many sessions it reaches: 1,000
 * sessions polling in every form (SOAP 1.1 and 1.2, text and msbin1, alone and in a batch) share one
 * {@link CallbackMessage}, whose body is encoded twice in all (msbin1 in each SOAP version; text is
 * the body itself), and every answer is still, byte for byte, the envelope the encoder built whole.
 */
class BroadcastEncodedOnceTest {
  private static final int SESSIONS = 1_000;

  private final DuplexEngine engine = new DuplexEngine(DuplexServerConfig.builder().scheduler(new FakeScheduler()).build());

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void aBroadcastToAThousandSessionsIsEncodedOncePerFormAndEveryAnswerIsTheWholeEnvelope() throws Exception {
    for (int i = 0; i < SESSIONS; i++) {
      engine.sessionForCall(new DuplexHeader(NetDuplex.WCF_ANONYMOUS_URI_PREFIX + UUID.randomUUID(),
          UUID.randomUUID().toString()));
    }
    Stock quote = new Stock();
    quote.setSymbol("AAHH");
    quote.setAsk(256.7);
    quote.setBid(256.02);
    quote.setNotes("Notes added from Internet Explorer, ü");
    assertEquals(SESSIONS, CallbackChannels.broadcast(engine.openSessions(), IStockServiceCallback.class,
        c -> c.update(quote)));

    CallbackMessage shared = null;
    int i = 0;
    for (RealDuplexSession session : new ArrayList<>(engine.openSessions())) {
      AnswerForm form = new AnswerForm(i % 2 == 1, i % 4 >= 2, i % 8 >= 4);
      QueuedMessage m = assertInstanceOf(PollOutcome.Deliver.class, engine.poll(session.address(), o -> { })).message();
      shared = shared == null ? m.message() : shared;
      assertSame(shared, m.message(), "one message queued for every session");

      PollAnswer answer = PollAnswer.encode(List.of(m), form, engine);

      byte[] envelope = form.batch() ? only(MessageBatch.decode(answer.contentType(), answer.body())) : answer.body();
      assertArrayEquals(TodaysEnvelopes.of(m, form, false), envelope, form.toString());
      engine.delivered(m);
      i++;
    }
    assertEquals(SESSIONS, i);
    assertEquals(2, shared.bodyForms().encodings(), "msbin1 in SOAP 1.1 and in SOAP 1.2, once each");
  }

  private static byte[] only(List<byte[]> parts) {
    assertTrue(parts.size() == 1, parts.size() + " parts");
    return parts.get(0);
  }
}
