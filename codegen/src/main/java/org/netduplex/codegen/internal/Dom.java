package org.netduplex.codegen.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** DOM helpers: hardened parsing (no external DTDs or entities), child lists, QName attributes, writing. */
final class Dom {
  private Dom() {
  }

  /** Parses {@code bytes}; a parse failure's message names the line. */
  static Document parse(byte[] bytes, String systemId) throws SAXException, IOException {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      // Some published schemas (W3C's xml.xsd) carry a DOCTYPE: read past it, load nothing it names.
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      return b.parse(new ByteArrayInputStream(bytes), systemId);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  static String describe(SAXException e) {
    if (e instanceof SAXParseException p && p.getLineNumber() > 0) {
      return "line " + p.getLineNumber() + ": " + p.getMessage();
    }
    return e.getMessage();
  }

  static void write(Document doc, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      Transformer t = TransformerFactory.newInstance().newTransformer();
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      t.transform(new DOMSource(doc), new StreamResult(out));
    } catch (TransformerException e) {
      throw new IOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static boolean is(Node node, String ns, String local) {
    return node instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName());
  }

  /** The element children of {@code parent} named {ns}local; a copy, safe to remove from. */
  static List<Element> children(Element parent, String ns, String local) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (is(n, ns, local)) {
        out.add((Element) n);
      }
    }
    return out;
  }

  static List<Element> elements(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  static Element first(Element parent, String ns, String local) {
    List<Element> found = children(parent, ns, local);
    return found.isEmpty() ? null : found.get(0);
  }

  /** An attribute's value, or null when absent (DOM answers "" for both). */
  static String attr(Element e, String name) {
    return e.hasAttribute(name) ? e.getAttribute(name) : null;
  }

  /**
   * Resolves a QName-valued attribute ({@code tns:Foo}) in the element's namespace context; null
   * when the prefix is not declared.
   */
  static QName qname(Element context, String value) {
    int colon = value.indexOf(':');
    String prefix = colon < 0 ? null : value.substring(0, colon);
    String local = colon < 0 ? value : value.substring(colon + 1);
    String ns = context.lookupNamespaceURI(prefix);
    if (ns == null && prefix != null) {
      return null;
    }
    return new QName(ns == null ? "" : ns, local);
  }

  static String targetNamespace(Element root) {
    String tns = attr(root, "targetNamespace");
    return tns == null ? "" : tns;
  }
}
