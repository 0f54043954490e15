package org.netduplex.interop;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.netduplex.testing.CapturedHttpMessage;

/** The comparison the interop tests rely on tolerates formatting only, never protocol differences. */
class CapturedXmlTest {
  private final String d = CapturedHttpMessage.fromResource("/captures/D-makeconnection.response.http").bodyText();

  @Test
  void prefixesWhitespaceAndTickerValuesDoNotMatter() {
    String reformatted = d.replace("netdx:", "dx:").replace("xmlns:netdx", "xmlns:dx")
        .replace("\n", "").replace("  ", "").replace("256.7", "12.5");
    assertFalse(CapturedXml.similar(d, reformatted, CapturedXml.TICKER_VALUES).hasDifferences());
  }

  @Test
  void anotherSessionIdIsADifference() {
    String other = d.replace("e694f6c9-bab4-46a4-b81c-e5488609b48d", "00000000-bab4-46a4-b81c-e5488609b48d");
    assertTrue(CapturedXml.similar(d, other, CapturedXml.TICKER_VALUES).hasDifferences());
  }

  @Test
  void aMissingNilIsADifference() {
    String other = d.replace("<Notes i:nil=\"true\"/>", "<Notes/>");
    assertTrue(CapturedXml.similar(d, other, CapturedXml.TICKER_VALUES).hasDifferences());
  }

  @Test
  void anotherNamespaceIsADifference() {
    String other = d.replace("urn:petermcg.wordpress.com", "urn:other");
    assertTrue(CapturedXml.similar(d, other, CapturedXml.TICKER_VALUES).hasDifferences());
  }
}
