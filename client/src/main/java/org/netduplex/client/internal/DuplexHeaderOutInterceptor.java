package org.netduplex.client.internal;

import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.helpers.DOMUtils;
import org.apache.cxf.phase.Phase;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.NetDuplex;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Puts this client's {@code netdx:Duplex} header on every outgoing service call (capture A, E). */
public final class DuplexHeaderOutInterceptor extends AbstractSoapInterceptor {
  private static final QName DUPLEX = new QName(NetDuplex.NETDX_NS, "Duplex", "netdx");

  private final DuplexHeader identity;

  public DuplexHeaderOutInterceptor(DuplexHeader identity) {
    super(Phase.PRE_PROTOCOL);
    this.identity = identity;
  }

  @Override
  public void handleMessage(SoapMessage message) {
    // A fresh element per call: DOM nodes are not safe to share between threads writing them.
    message.getHeaders().add(new Header(DUPLEX, element()));
  }

  private Element element() {
    Document doc = DOMUtils.createDocument();
    Element duplex = doc.createElementNS(NetDuplex.NETDX_NS, "netdx:Duplex");
    duplex.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:netdx", NetDuplex.NETDX_NS);
    duplex.appendChild(child(doc, "netdx:Address", identity.address()));
    duplex.appendChild(child(doc, "netdx:SessionId", identity.sessionId()));
    return duplex;
  }

  private static Element child(Document doc, String name, String text) {
    Element e = doc.createElementNS(NetDuplex.NETDX_NS, name);
    e.setTextContent(text);
    return e;
  }
}
