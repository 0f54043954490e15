package org.netduplex.wcf;

import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The canonical form {@code MsbinPeer.cs} prints, from any StAX reader: one event a line, namespace declarations
 * sorted by prefix, attributes by namespace and local name, adjacent text joined, empty text dropped.
 */
final class Canonical {
  private Canonical() {}

  static String of(XMLStreamReader r) throws XMLStreamException {
    StringBuilder out = new StringBuilder();
    StringBuilder text = new StringBuilder();
    while (r.hasNext()) {
      switch (r.next()) {
        case XMLStreamConstants.START_ELEMENT -> {
          flush(out, text);
          line(out, "SE", nonNull(r.getPrefix()), nonNull(r.getNamespaceURI()), r.getLocalName());
          Map<String, String> declarations = new TreeMap<>();
          for (int i = 0; i < r.getNamespaceCount(); i++) {
            declarations.put(nonNull(r.getNamespacePrefix(i)), nonNull(r.getNamespaceURI(i)));
          }
          declarations.forEach((prefix, uri) -> line(out, "NS", prefix, uri));
          Map<String, String[]> attributes = new TreeMap<>();
          for (int i = 0; i < r.getAttributeCount(); i++) {
            String ns = nonNull(r.getAttributeNamespace(i));
            attributes.put(ns + '\0' + r.getAttributeLocalName(i), new String[] {
                nonNull(r.getAttributePrefix(i)), ns, r.getAttributeLocalName(i), r.getAttributeValue(i)});
          }
          attributes.values().forEach(a -> line(out, "A", a));
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text.append(r.getText());
        case XMLStreamConstants.COMMENT -> {
          flush(out, text);
          line(out, "C", r.getText());
        }
        case XMLStreamConstants.END_ELEMENT -> {
          flush(out, text);
          line(out, "EE");
        }
        default -> { }
      }
    }
    flush(out, text);
    return out.toString();
  }

  static void line(StringBuilder out, String kind, String... fields) {
    out.append(kind);
    for (String f : fields) {
      out.append('\t').append(escape(f));
    }
    out.append('\n');
  }

  static void flush(StringBuilder out, StringBuilder text) {
    if (text.length() > 0) {
      line(out, "T", text.toString());
      text.setLength(0);
    }
  }

  /** Printable ASCII but the backslash as is, every other UTF-16 unit as \\uXXXX. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7F && c != '\\') {
        out.append(c);
      } else {
        out.append(String.format("\\u%04X", (int) c));
      }
    }
    return out.toString();
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
