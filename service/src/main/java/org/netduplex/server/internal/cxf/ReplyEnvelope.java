package org.netduplex.server.internal.cxf;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.helpers.DOMUtils;
import org.apache.cxf.staxutils.StaxUtils;
import org.netduplex.core.NetDuplex;
import org.netduplex.server.internal.CallbackMessage;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Turns the SOAP 1.2 text envelope CXF wrote for a reply into a message for the session's polls: its
 * {@code wsa:Action} and its body element (a response wrapper or an {@code s:Fault}), standalone. The
 * namespaces the envelope declared are copied onto the body element, because a fault's code is a
 * QName in text ({@code soap:Receiver}) whose prefix CXF declares on the envelope.
 */
final class ReplyEnvelope {
  private ReplyEnvelope() {}

  static CallbackMessage read(byte[] textEnvelope, String relatesTo) throws XMLStreamException {
    Document doc = StaxUtils.read(new ByteArrayInputStream(textEnvelope));
    Element envelope = doc.getDocumentElement();
    Element header = DOMUtils.getFirstChildWithName(envelope, NetDuplex.SOAP12_NS, "Header");
    Element body = DOMUtils.getFirstChildWithName(envelope, NetDuplex.SOAP12_NS, "Body");
    if (body == null) {
      throw new XMLStreamException("the reply has no SOAP 1.2 Body");
    }
    Element action = header == null ? null : DOMUtils.getFirstChildWithName(header, NetDuplex.WSA_NS, "Action");
    Element content = DOMUtils.getFirstElement(body);
    byte[] bytes = new byte[0];
    if (content != null) {
      copyNamespaces(envelope, content);
      copyNamespaces(body, content);
      bytes = StaxUtils.toString(content).getBytes(StandardCharsets.UTF_8);
    }
    return CallbackMessage.reply(bytes, action == null ? "" : action.getTextContent().trim(), relatesTo);
  }

  /** Declares on {@code to} each namespace {@code from} declares that {@code to} does not redeclare. */
  private static void copyNamespaces(Element from, Element to) {
    NamedNodeMap attributes = from.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Node a = attributes.item(i);
      if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())
          && to.getAttributeNodeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, a.getLocalName()) == null) {
        to.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, ((Attr) a).getName(), a.getNodeValue());
      }
    }
  }
}
