package org.netduplex.server.internal.front;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.netduplex.core.NetDuplex;
import org.netduplex.msbin.Msbin;
import org.netduplex.msbin.MsbinLimits;

/** What the front takes as a poll, and what it leaves to CXF's chain (null). */
class PollReaderTest {
  private static final String ADDRESS = NetDuplex.WCF_ANONYMOUS_URI_PREFIX + "4f6e5b9a-1c2d-4e3f-8a7b-9c0d1e2f3a4b";
  private static final String MC = "<wsmc:MakeConnection xmlns:wsmc=\"" + NetDuplex.WSMC_NS + "\"><wsmc:Address>"
      + ADDRESS + "</wsmc:Address></wsmc:MakeConnection>";
  private final PollReader reader = new PollReader(MsbinLimits.DEFAULTS);

  private static String soap11(String header, String body) {
    return "<s:Envelope xmlns:s=\"" + NetDuplex.SOAP11_NS + "\">" + (header.isEmpty() ? "" : "<s:Header>" + header + "</s:Header>")
        + "<s:Body>" + body + "</s:Body></s:Envelope>";
  }

  private PollRequest text(String xml) {
    return reader.read(xml.getBytes(StandardCharsets.UTF_8), false);
  }

  @Test
  void aSoap11PollGivesItsAddressAndAck() {
    PollRequest poll = text(soap11("<nda:Ack xmlns:nda=\"" + NetDuplex.DELIVERY_NS + "\" stream=\"s1\">7</nda:Ack>", MC));
    assertEquals(ADDRESS, poll.address());
    assertEquals("s1", poll.ack().stream());
    assertEquals(7, poll.ack().highest());
    assertTrue(!poll.soap12() && !poll.binary());
  }

  @Test
  void aSoap12BinaryPollWithWcfsMustUnderstandAddressingHeadersIsAPoll() throws Exception {
    String xml = "<s:Envelope xmlns:s=\"" + NetDuplex.SOAP12_NS + "\" xmlns:a=\"" + NetDuplex.WSA_NS + "\"><s:Header>"
        + "<a:Action s:mustUnderstand=\"1\">" + NetDuplex.MAKE_CONNECTION_ACTION + "</a:Action>"
        + "<a:To s:mustUnderstand=\"1\">http://localhost/StockService</a:To></s:Header><s:Body>" + MC + "</s:Body></s:Envelope>";
    PollRequest poll = reader.read(Msbin.fromText(xml), true);
    assertEquals(ADDRESS, poll.address());
    assertTrue(poll.soap12() && poll.binary());
    assertNull(poll.ack());
  }

  @Test
  void whatTheChainMustDecideIsLeftToIt() {
    String unknownMustUnderstand = soap11("<x:Secret xmlns:x=\"urn:example\" s:mustUnderstand=\"1\">x</x:Secret>", MC);
    String noAddress = soap11("", "<wsmc:MakeConnection xmlns:wsmc=\"" + NetDuplex.WSMC_NS + "\"/>");
    String badAck = soap11("<nda:Ack xmlns:nda=\"" + NetDuplex.DELIVERY_NS + "\">-1</nda:Ack>", MC);
    String dtd = "<!DOCTYPE s:Envelope [<!ENTITY x \"y\">]>" + soap11("", MC);
    String serviceCall = soap11("", "<Register xmlns=\"urn:example\"/>");
    String notXml = "MakeConnection";
    for (String body : new String[] {unknownMustUnderstand, noAddress, badAck, dtd, serviceCall, notXml}) {
      assertNull(text(body), body);
    }
    assertNull(reader.read(new byte[] {0x56, 0x02, 0x0b}, true)); // truncated binary
  }

  @Test
  void anUnknownHeaderWithoutMustUnderstandIsIgnored() {
    assertEquals(ADDRESS, text(soap11("<x:Trace xmlns:x=\"urn:example\"><x:Id>1</x:Id></x:Trace>", MC)).address());
  }
}
