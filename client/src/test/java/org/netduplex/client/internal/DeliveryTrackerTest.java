package org.netduplex.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.netduplex.client.WireFormat;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.NetDuplex;
import org.netduplex.core.internal.DeliveryHeaders;
import org.netduplex.core.internal.Soap12Envelopes;
import org.netduplex.msbin.Msbin;
import org.netduplex.stock.IStockServiceCallback;

/** The client's rule 10 (docs/protocol.md section 15), and nda:Sequence read from a binary answer. */
class DeliveryTrackerTest {
  @Test
  void theFirstPollAcksZeroWithoutAStreamThenTheHighestHandedOn() {
    DeliveryTracker t = new DeliveryTracker();
    assertEquals("<nda:Ack xmlns:nda=\"urn:netduplex:delivery\">0</nda:Ack>", t.ackHeader());

    assertTrue(t.accept("s1", 1));
    assertTrue(t.accept("s1", 2));

    assertEquals("<nda:Ack xmlns:nda=\"urn:netduplex:delivery\" stream=\"s1\">2</nda:Ack>", t.ackHeader());
  }

  @Test
  void aRepeatIsDroppedAndCountedAndANewStreamStartsOver() {
    DeliveryTracker t = new DeliveryTracker();
    t.accept("s1", 1);
    t.accept("s1", 2);

    assertFalse(t.accept("s1", 2));
    assertFalse(t.accept("s1", 1));
    assertTrue(t.accept("s2", 1), "a new mailbox numbers from 1 again");
    assertFalse(t.accept("s2", 1));

    assertEquals(3, t.duplicatesDropped());
    assertTrue(t.ackHeader().contains("stream=\"s2\">1<"), t.ackHeader());
  }

  @Test
  void aBinaryAnswerCarriesItsSequenceToTheReader() throws Exception {
    DuplexHeader me = DuplexHeader.newIdentity(NetDuplex.WCF_ANONYMOUS_URI_PREFIX);
    byte[] body = ("<Stock xmlns=\"urn:petermcg.wordpress.com\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">"
        + "<Ask>1</Ask><Bid>1</Bid><Notes i:nil=\"true\"/><Symbol>S</Symbol></Stock>").getBytes(StandardCharsets.UTF_8);
    byte[] text = Soap12Envelopes.message(me, "Silverlight/IStockService/Update", null, null,
        DeliveryHeaders.sequence("a-stream", 7), body, false);
    byte[] binary = Msbin.fromText(new String(text, StandardCharsets.UTF_8));
    WireMessages wire = new WireMessages(WireFormat.SOAP12_BINARY, URI.create("http://localhost/x"), 65_536);

    PollAnswer answer = new PollAnswerReader(me, CallbackDispatcher.of(IStockServiceCallback.class), wire)
        .read(binary, Msbin.CONTENT_TYPE);

    assertEquals(new DeliverySequence("a-stream", 7), answer.sequence());
  }
}
