package org.netduplex.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

/** The hardened factory can be made, reads plain XML, and refuses what could expand or reach out. */
class SafeXmlTest {
  @Test
  void plainXmlWithPredefinedEntitiesIsRead() throws XMLStreamException {
    XMLStreamReader r = SafeXml.inputFactory().createXMLStreamReader(new StringReader("<a b='x &amp; y'/>"));
    r.nextTag();
    assertEquals("x & y", r.getAttributeValue(null, "b"));
  }

  @Test
  void aDoctypeIsNotProcessedSoAnExternalEntityIsNeverRead() throws XMLStreamException {
    String xxe = "<!DOCTYPE a [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><a>&x;</a>";
    XMLStreamReader r = SafeXml.inputFactory().createXMLStreamReader(new StringReader(xxe));
    StringBuilder text = new StringBuilder();
    boolean unexpanded = false;
    while (r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.CHARACTERS) {
        text.append(r.getText());
      }
      unexpanded |= event == XMLStreamConstants.ENTITY_REFERENCE;
    }
    assertTrue(unexpanded, "the entity was expanded");
    assertEquals("", text.toString());
  }

  @Test
  void nestingDeeperThanTheBoundIsRefused() {
    String deep = "<a>".repeat(SafeXml.MAX_DEPTH + 1) + "</a>".repeat(SafeXml.MAX_DEPTH + 1);
    assertThrows(XMLStreamException.class, () -> {
      XMLStreamReader r = SafeXml.inputFactory().createXMLStreamReader(new StringReader(deep));
      while (r.hasNext()) {
        r.next();
      }
    });
  }
}
