package org.netduplex.server.internal.cxf;

import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.headers.Header;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.NetDuplex;
import org.netduplex.server.internal.DuplexFault;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads {@code netdx:Duplex} from the SOAP headers CXF parsed. */
final class DuplexHeaderReader {
  static final QName DUPLEX = new QName(NetDuplex.NETDX_NS, "Duplex");

  private DuplexHeaderReader() {}

  /** What a service call's {@code netdx:Duplex} says: whose session, and whether it closes it. */
  record CallHeader(DuplexHeader identity, boolean closeSession) {}

  /** The header, or null when the message has none. */
  static CallHeader read(SoapMessage message) {
    for (Header h : message.getHeaders()) {
      if (DUPLEX.equals(h.getName()) && h.getObject() instanceof Element e) {
        return parse(e);
      }
    }
    return null;
  }

  private static CallHeader parse(Element duplex) {
    String address = null;
    String sessionId = null;
    boolean close = false;
    for (Node n = duplex.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child && NetDuplex.NETDX_NS.equals(child.getNamespaceURI())) {
        switch (child.getLocalName()) {
          case "Address" -> address = child.getTextContent().trim();
          case "SessionId" -> sessionId = child.getTextContent().trim();
          // Any content, any position (docs/protocol.md section 4.1: its shape is not documented).
          case "CloseSession" -> close = true;
          default -> { }
        }
      }
    }
    if (address == null || address.isEmpty() || sessionId == null || sessionId.isEmpty()) {
      throw new DuplexFault(DuplexFault.Kind.MALFORMED_DUPLEX_HEADER,
          "netdx:Duplex must carry a netdx:Address and a netdx:SessionId");
    }
    try {
      return new CallHeader(new DuplexHeader(address, sessionId), close);
    } catch (IllegalArgumentException e) {
      throw new DuplexFault(DuplexFault.Kind.MALFORMED_DUPLEX_HEADER, e.getMessage());
    }
  }
}
