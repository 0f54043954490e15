package org.netduplex.msbin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netduplex.msbin.TestSupport.assertIdenticalXml;
import static org.netduplex.msbin.TestSupport.hex;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

/** The captured StockService envelopes survive binary encoding, and the encoding is the one expected. */
class CapturedEnvelopeTest {
  @Test
  void soap11PollAnswerRoundTripsIdentical() throws Exception {
    byte[] binary = Msbin.fromText(Fixtures.SOAP11_POLL_ANSWER);
    assertIdenticalXml(Fixtures.SOAP11_POLL_ANSWER, Msbin.toText(binary));
    assertTrue(binary.length < Fixtures.SOAP11_POLL_ANSWER.getBytes(StandardCharsets.UTF_8).length * 3 / 4,
        "binary " + binary.length + " bytes");
  }

  @Test
  void soap12PollAnswerRoundTripsIdentical() throws Exception {
    byte[] binary = Msbin.fromText(Fixtures.SOAP12_POLL_ANSWER);
    assertIdenticalXml(Fixtures.SOAP12_POLL_ANSWER, Msbin.toText(binary));
  }

  @Test
  void soap11PollAnswerUsesDictionaryAndTypedRecords() throws Exception {
    String bytes = hex(Msbin.fromText(Fixtures.SOAP11_POLL_ANSWER));
    // <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">: PrefixDictionaryElementS
    // "Envelope" (0x02), DictionaryXmlnsAttribute s = 0x3C2 (MultiByteInt31 C2 07).
    assertTrue(bytes.startsWith("56 02 0B 01 73 C2 07 56 08 "), bytes);
    // <Ask>256.7</Ask> as Chars8TextWithEndElement: no float or double holds 256.7 exactly. WCF read a FloatText
    // 256.7f into a double as 256.70001 (WcfClientTest saw it), and reads some inexact DoubleTexts back as other
    // digits (MsbinCrossCheckTest saw it); characters are exact, and shorter here.
    assertTrue(bytes.contains("40 03 41 73 6B 99 05 32 35 36 2E 37"), bytes);
    // i:nil="true": PrefixDictionaryAttributeI "nil" (0x376 = F6 06), TrueText; then EndElement.
    assertTrue(bytes.contains("14 F6 06 86 01"), bytes);
    // The SessionId is a UUID: UuidTextWithEndElement, Data1 little-endian first.
    assertTrue(bytes.contains("B1 C2 A9 B3 D9 6E 7F 8D 4E 9C 3B 2A 1F 0E 9D 8C 7B"), bytes);
  }

  @Test
  void aNumberThatAFloatHoldsExactlyIsStillWrittenAsFloatText() throws Exception {
    assertEquals("40 05 50 72 69 63 65 91 00 00 00 3F", hex(Msbin.fromText("<Price>0.5</Price>")));
  }

  @Test
  void soap12PollAnswerUsesDictionaryForAddressing() throws Exception {
    String bytes = hex(Msbin.fromText(Fixtures.SOAP12_POLL_ANSWER));
    // As [MC-NBFS] 3: <s:Envelope xmlns:s=... xmlns:a=...>, <s:Header>, <a:Action s:mustUnderstand="1">
    assertTrue(bytes.startsWith("56 02 0B 01 73 04 0B 01 61 06 56 08 44 0A 1E 00 82 "), bytes);
    // <a:To s:mustUnderstand="1">anonymous</a:To>: the address is DictionaryTextWithEndElement 0x14.
    assertTrue(bytes.contains("44 0C 1E 00 82 AB 14"), bytes);
  }

  @Test
  void readerStreamsTheEnvelopeEventByEvent() throws Exception {
    byte[] binary = Msbin.fromText(Fixtures.SOAP11_POLL_ANSWER);
    XMLStreamReader r = Msbin.reader(new ByteArrayInputStream(binary));
    assertEquals(XMLStreamConstants.START_DOCUMENT, r.getEventType());
    assertEquals(XMLStreamConstants.START_ELEMENT, r.nextTag());
    assertEquals("Envelope", r.getLocalName());
    assertEquals("s", r.getPrefix());
    assertEquals("http://schemas.xmlsoap.org/soap/envelope/", r.getNamespaceURI());
    assertEquals(1, r.getNamespaceCount());
    r.nextTag(); // Header
    r.nextTag(); // Duplex
    assertEquals("http://schemas.microsoft.com/2008/04/netduplex", r.getNamespaceURI());
    r.nextTag(); // Address
    assertEquals("http://docs.oasis-open.org/ws-rx/wsmc/200702/anoynmous?id=1b4b5a4e-3a4a-4b4a-8a4a-1b4b5a4e3a4a",
        r.getElementText());
    r.nextTag();
    assertEquals("d9b3a9c2-7f6e-4e8d-9c3b-2a1f0e9d8c7b", r.getElementText());
    while (!(r.isStartElement() && r.getLocalName().equals("Notes"))) {
      r.next();
    }
    assertEquals("true", r.getAttributeValue("http://www.w3.org/2001/XMLSchema-instance", "nil"));
    assertEquals("urn:petermcg.wordpress.com", r.getNamespaceURI());
    assertEquals("", r.getElementText());
    while (r.hasNext()) {
      r.next();
    }
    assertEquals(XMLStreamConstants.END_DOCUMENT, r.getEventType());
  }
}
