package org.netduplex.core.internal;

import javax.xml.namespace.NamespaceContext;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reading the parts of a SOAP fault that both sides read: a poll answer's fault on the client, a
 * two-way callback's fault answer on the server. Each method starts on a start tag and leaves the
 * reader on its end tag.
 */
public final class SoapFaultXml {
  private SoapFaultXml() {}

  /** The innermost {@code s:Value} of a SOAP 1.2 {@code s:Code}, or null if it has none. */
  public static QName code12(XMLStreamReader r) throws XMLStreamException {
    QName code = null;
    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
      if ("Value".equals(r.getLocalName())) {
        code = qnameText(r);
      } else if ("Subcode".equals(r.getLocalName())) {
        QName sub = code12(r);
        code = sub != null ? sub : code;
      } else {
        skip(r);
      }
    }
    return code;
  }

  /** The first {@code Text} child of a SOAP 1.2 {@code s:Reason}, or "". */
  public static String reason12(XMLStreamReader r) throws XMLStreamException {
    String text = null;
    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
      if (text == null && "Text".equals(r.getLocalName())) {
        text = r.getElementText().trim();
      } else {
        skip(r);
      }
    }
    return text == null ? "" : text;
  }

  /**
   * An element's text read as a QName, its prefix resolved where the element stands (our faults
   * declare it on the element itself).
   */
  public static QName qnameText(XMLStreamReader r) throws XMLStreamException {
    NamespaceContext scope = r.getNamespaceContext();
    String text = r.getElementText().trim();
    int colon = text.indexOf(':');
    String prefix = colon < 0 ? "" : text.substring(0, colon);
    String ns = scope.getNamespaceURI(prefix);
    return new QName(ns == null ? "" : ns, text.substring(colon + 1), prefix);
  }

  /** Skips the element the reader is on, leaving it on that element's end tag. */
  public static void skip(XMLStreamReader r) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }
}
