package org.netduplex.msbin.internal;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/** Copies StAX events from a reader to a writer: the transcoder between text and binary XML. */
public final class StaxCopier {
  private StaxCopier() {}

  /** Copies from the reader's current event to its end of document, then ends the writer's document. */
  public static void copy(XMLStreamReader from, XMLStreamWriter to) throws XMLStreamException {
    int depth = 0;
    for (int event = from.getEventType(); ; event = from.next()) {
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> {
          copyStartElement(from, to);
          depth++;
        }
        case XMLStreamConstants.END_ELEMENT -> {
          to.writeEndElement();
          depth--;
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
          if (depth > 0) {
            to.writeCharacters(from.getText());
          }
        }
        case XMLStreamConstants.SPACE -> {
          if (depth > 0) {
            to.writeCharacters(from.getText());
          }
        }
        case XMLStreamConstants.COMMENT -> to.writeComment(from.getText());
        case XMLStreamConstants.PROCESSING_INSTRUCTION ->
            to.writeProcessingInstruction(from.getPITarget(), from.getPIData());
        case XMLStreamConstants.END_DOCUMENT -> {
          to.writeEndDocument();
          to.flush();
          return;
        }
        default -> {
          // START_DOCUMENT and DTD: nothing to copy (parsers made by SafeXml refuse DTDs).
        }
      }
      if (!from.hasNext()) {
        to.writeEndDocument();
        to.flush();
        return;
      }
    }
  }

  private static void copyStartElement(XMLStreamReader from, XMLStreamWriter to) throws XMLStreamException {
    String prefix = from.getPrefix();
    String uri = from.getNamespaceURI();
    to.writeStartElement(prefix == null ? "" : prefix, from.getLocalName(), uri == null ? "" : uri);
    for (int i = 0, n = from.getNamespaceCount(); i < n; i++) {
      String p = from.getNamespacePrefix(i);
      String u = from.getNamespaceURI(i);
      if (p == null || p.isEmpty()) {
        to.writeDefaultNamespace(u == null ? "" : u);
      } else {
        to.writeNamespace(p, u);
      }
    }
    for (int i = 0, n = from.getAttributeCount(); i < n; i++) {
      String p = from.getAttributePrefix(i);
      String u = from.getAttributeNamespace(i);
      if (u == null || u.isEmpty()) {
        to.writeAttribute(from.getAttributeLocalName(i), from.getAttributeValue(i));
      } else {
        to.writeAttribute(p == null ? "" : p, u, from.getAttributeLocalName(i), from.getAttributeValue(i));
      }
    }
  }
}
