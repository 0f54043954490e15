package org.netduplex.wcf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An XML document as a tree the cross-check can write through any StAX writer, print in {@link Canonical} form, and
 * turn into writer operations for {@code MsbinPeer.cs}. Every namespace an element or attribute uses is declared
 * explicitly, so a writer that adds or drops a declaration shows in the canonical form.
 */
final class Infoset {
  sealed interface Node permits Element, Text, Comment {}

  record Text(String text) implements Node {}

  record Comment(String text) implements Node {}

  record Attribute(String prefix, String namespace, String local, String value) {}

  /** {@code declarations}: prefix ("" for the default namespace) to URI, declared on this element. */
  record Element(String prefix, String namespace, String local, Map<String, String> declarations,
      List<Attribute> attributes, List<Node> children) implements Node {
    Element(String prefix, String namespace, String local) {
      this(prefix, namespace, local, new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>());
    }

    Element add(Node child) {
      children.add(child);
      return this;
    }
  }

  private Infoset() {}

  static void write(Element root, XMLStreamWriter w) throws XMLStreamException {
    w.writeStartDocument();
    writeElement(root, w);
    w.writeEndDocument();
    w.flush();
  }

  private static void writeElement(Element e, XMLStreamWriter w) throws XMLStreamException {
    w.writeStartElement(e.prefix(), e.local(), e.namespace());
    for (Map.Entry<String, String> d : e.declarations().entrySet()) {
      if (d.getKey().isEmpty()) {
        w.writeDefaultNamespace(d.getValue());
      } else {
        w.writeNamespace(d.getKey(), d.getValue());
      }
    }
    for (Attribute a : e.attributes()) {
      if (a.namespace().isEmpty()) {
        w.writeAttribute(a.local(), a.value());
      } else {
        w.writeAttribute(a.prefix(), a.namespace(), a.local(), a.value());
      }
    }
    for (Node n : e.children()) {
      if (n instanceof Element child) {
        writeElement(child, w);
      } else if (n instanceof Text t) {
        w.writeCharacters(t.text());
      } else if (n instanceof Comment c) {
        w.writeComment(c.text());
      }
    }
    w.writeEndElement();
  }

  static String canonical(Element root) {
    StringBuilder out = new StringBuilder();
    StringBuilder text = new StringBuilder();
    canonical(root, out, text);
    return out.toString();
  }

  private static void canonical(Element e, StringBuilder out, StringBuilder text) {
    Canonical.flush(out, text);
    Canonical.line(out, "SE", e.prefix(), e.namespace(), e.local());
    new TreeMap<>(e.declarations()).forEach((prefix, uri) -> Canonical.line(out, "NS", prefix, uri));
    Map<String, Attribute> sorted = new TreeMap<>();
    e.attributes().forEach(a -> sorted.put(a.namespace() + '\0' + a.local(), a));
    sorted.values().forEach(a -> Canonical.line(out, "A", a.prefix(), a.namespace(), a.local(), a.value()));
    for (Node n : e.children()) {
      if (n instanceof Element child) {
        canonical(child, out, text);
      } else if (n instanceof Text t) {
        text.append(t.text());
      } else if (n instanceof Comment c) {
        Canonical.flush(out, text);
        Canonical.line(out, "C", c.text());
      }
    }
    Canonical.flush(out, text);
    Canonical.line(out, "EE");
  }

  /** The same document as {@code MsbinPeer.cs} writer operations: names and text as plain strings. */
  static String script(Element root) {
    StringBuilder out = new StringBuilder();
    script(root, out);
    return out.toString();
  }

  private static void script(Element e, StringBuilder out) {
    op(out, "SE", e.prefix(), e.local(), e.namespace());
    e.declarations().forEach((prefix, uri) -> op(out, "NS", prefix, uri));
    e.attributes().forEach(a -> op(out, "A", a.prefix(), a.local(), a.namespace(), a.value()));
    for (Node n : e.children()) {
      if (n instanceof Element child) {
        script(child, out);
      } else if (n instanceof Text t) {
        op(out, "T", t.text());
      } else if (n instanceof Comment c) {
        op(out, "C", c.text());
      }
    }
    op(out, "EE");
  }

  static void op(StringBuilder out, String name, String... fields) {
    Canonical.line(out, name, fields);
  }
}
