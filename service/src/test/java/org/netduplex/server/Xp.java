package org.netduplex.server;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.netduplex.core.NetDuplex;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** XPath over a response body, with the protocol's prefixes (s = SOAP 1.2 unless the body is SOAP 1.1). */
public final class Xp {
  private final Document doc;
  private final XPath xpath = XPathFactory.newInstance().newXPath();

  public Xp(String xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError("not XML: " + xml, e);
    }
    String soap = doc.getDocumentElement().getNamespaceURI();
    Map<String, String> ns = Map.of("s", soap, "a", NetDuplex.WSA_NS, "wsmc", NetDuplex.WSMC_NS,
        "netdx", NetDuplex.NETDX_NS, "ndf", NetDuplex.FAULTS_NS);
    xpath.setNamespaceContext(new NamespaceContext() {
      @Override
      public String getNamespaceURI(String prefix) {
        return ns.get(prefix);
      }

      @Override
      public String getPrefix(String uri) {
        return null;
      }

      @Override
      public Iterator<String> getPrefixes(String uri) {
        return null;
      }
    });
  }

  public String text(String path) {
    try {
      return xpath.evaluate(path, doc).trim();
    } catch (Exception e) {
      throw new AssertionError(path, e);
    }
  }

  public int count(String path) {
    try {
      return ((Double) xpath.evaluate("count(" + path + ")", doc, XPathConstants.NUMBER)).intValue();
    } catch (Exception e) {
      throw new AssertionError(path, e);
    }
  }

  /** The QName value of the element at {@code path}, resolved in its scope, as "namespace local". */
  public String qname(String path) {
    try {
      Element e = (Element) xpath.evaluate(path, doc, XPathConstants.NODE);
      if (e == null) {
        return null;
      }
      String text = e.getTextContent().trim();
      int colon = text.indexOf(':');
      String prefix = colon < 0 ? null : text.substring(0, colon);
      return e.lookupNamespaceURI(prefix) + " " + text.substring(colon + 1);
    } catch (Exception e) {
      throw new AssertionError(path, e);
    }
  }
}
