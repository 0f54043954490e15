package org.netduplex.server.internal.front;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.netduplex.core.NetDuplex;
import org.netduplex.core.internal.Xml;

/**
 * Seeded random callback bodies, text as a service's body could be: default and prefixed namespaces
 * (new, dictionary ones, prefixes that shadow the envelope's, the envelope's own {@code s:} used
 * or SOAP 1.2's {@code a:} used without a declaration), attributes plain and namespaced, text the binary writer types (numbers,
 * booleans, UUIDs, dates, base64, dictionary strings) or writes as UTF-8 or UTF-16 runs of every
 * length class, escapes, character references, CDATA sections, comments, non-ASCII names and text,
 * empty elements both ways, and whitespace or text around the root element.
 */
final class BodyGenerator {
  private static final String[] URIS = {"urn:petermcg.wordpress.com", NetDuplex.XSI_NS, NetDuplex.WSA_NS,
      NetDuplex.SOAP11_NS, NetDuplex.SOAP12_NS, "http://tempuri.org/", "http://schemas.datacontract.org/2004/07/",
      "urn:t", "urn:t:2", "http://example.com/ü", NetDuplex.NETDX_NS};
  private static final String[] PREFIXES = {"p", "q", "i", "b", "s", "a", "xsi", "tns", "ns1", "netdx", "d4p1"};
  private static final String[] NAMES = {"Stock", "Ask", "Bid", "Notes", "Symbol", "Envelope", "Body", "Header",
      "Action", "Address", "To", "Fault", "Value", "Code", "Text", "MessageID", "Größe", "名前", "e", "item", "nil",
      "type", "id"};
  private static final String[] WORDS = {"0", "1", "true", "false", "42", "-7", "9223372036854775807",
      "18446744073709551616", "3.5", "-0", "1E-05", "NaN", "INF", "-INF", "256.02", "0.1", "2008-09-01T11:27:45Z",
      "2008-09-01T11:27:45.1234567", "2008-09-01", "http://www.w3.org/2005/08/addressing", "Envelope", "", " ",
      "Test", "abcd1234", "Notes added from Internet Explorer", "é", "Ünïcødé", "日本語のテキスト", "😀 emoji",
      "<&>\"'", "a]]b", "line\nbreak", "tab\there", "  lead and trail  "};

  private final Random random;
  private final StringBuilder out = new StringBuilder();

  private BodyGenerator(Random random) {
    this.random = random;
  }

  /** One body: an element, sometimes with whitespace, a comment or text around it. */
  static String body(Random random) {
    BodyGenerator g = new BodyGenerator(random);
    if (g.chance(20)) {
      g.out.append(g.pick(new String[] {"\n  ", " ", "<!-- before -->", "\t"}));
    }
    Map<String, String> scope = new LinkedHashMap<>();
    scope.put("s", null); // the envelope's: bound, to SOAP 1.1 or 1.2 by the envelope
    if (g.chance(10)) {
      scope.put("a", null); // bound by the SOAP 1.2 envelope only: such a body is refused in SOAP 1.1
    }
    g.element(scope, 0);
    if (g.chance(20)) {
      g.out.append(g.pick(new String[] {"\n", "  ", "<!-- after -->", "tail text", "7"}));
    }
    return g.out.toString();
  }

  private void element(Map<String, String> outer, int depth) {
    Map<String, String> scope = new LinkedHashMap<>(outer);
    List<String> declarations = new ArrayList<>();
    String prefix;
    int how = random.nextInt(10);
    if (how < 3) {
      prefix = "";
      if (chance(60)) {
        String uri = chance(10) ? "" : pick(URIS);
        declarations.add(" xmlns=\"" + Xml.escape(uri) + "\"");
        scope.put("", uri);
      }
    } else if (how < 6 && scope.size() > 1 || how == 6) {
      List<String> bound = new ArrayList<>(scope.keySet());
      bound.remove("");
      prefix = bound.get(random.nextInt(bound.size()));
    } else {
      prefix = pick(PREFIXES);
      String uri = pick(URIS);
      declarations.add(" xmlns:" + prefix + "=\"" + Xml.escape(uri) + "\"");
      scope.put(prefix, uri);
    }
    String name = (prefix.isEmpty() ? "" : prefix + ":") + pick(NAMES);
    out.append('<').append(name);
    declarations.forEach(out::append);
    attributes(scope);
    int content = random.nextInt(10);
    if (content == 0) {
      out.append("/>");
      return;
    }
    out.append('>');
    if (content == 1) {
      // <e></e>: an element that ends without text
    } else if (content < 5 || depth >= 4) {
      text();
    } else {
      int children = 1 + random.nextInt(4);
      for (int i = 0; i < children; i++) {
        if (chance(25)) {
          mixed();
        }
        element(scope, depth + 1);
      }
      if (chance(25)) {
        mixed();
      }
    }
    out.append("</").append(name).append('>');
  }

  private void attributes(Map<String, String> scope) {
    int n = random.nextInt(4);
    List<String> used = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = pick(NAMES);
      List<String> prefixes = new ArrayList<>(scope.keySet());
      prefixes.remove("");
      String prefix = chance(40) && !prefixes.isEmpty() ? prefixes.get(random.nextInt(prefixes.size())) : "";
      // Two attributes with one expanded name are not well-formed: keep names apart, prefixes included.
      String qname = (prefix.isEmpty() ? "" : prefix + ":") + name;
      if (used.contains(name) || used.contains(qname)) {
        continue;
      }
      used.add(name);
      used.add(qname);
      out.append(' ').append(qname).append("=\"").append(Xml.escape(value())).append('"');
    }
  }

  private void text() {
    int parts = 1 + random.nextInt(3);
    for (int i = 0; i < parts; i++) {
      int kind = random.nextInt(12);
      if (kind == 0) {
        out.append("<![CDATA[").append(value().replace("]]>", "]] >")).append("]]>");
      } else if (kind == 1) {
        out.append(pick(new String[] {"&#233;", "&#x1F600;", "&amp;", "&lt;x&gt;", "&quot;&apos;"}));
      } else if (kind == 2) {
        out.append("<!--").append(pick(new String[] {" a comment ", "ü", ""})).append("-->");
      } else {
        out.append(Xml.escape(value()));
      }
    }
  }

  private void mixed() {
    out.append(pick(new String[] {"\n    ", " ", "text between", "12", "<!-- c -->"}));
  }

  private String value() {
    int kind = random.nextInt(14);
    return switch (kind) {
      case 0 -> new UUID(random.nextLong(), random.nextLong()).toString();
      case 1 -> "urn:uuid:" + new UUID(random.nextLong(), random.nextLong());
      case 2 -> Base64.getEncoder().encodeToString(bytes(9 + random.nextInt(40)));
      case 3 -> Long.toString(random.nextLong());
      case 4 -> Double.toString(random.nextDouble() * 1000);
      case 5 -> "x".repeat(250 + random.nextInt(20)); // around the 256-byte Chars8/Chars16 boundary
      case 6 -> "ü".repeat(100 + random.nextInt(100)); // UTF-8 vs UTF-16 choice
      case 7 -> random.nextInt(50) == 0 ? "y".repeat(66_000) : "z".repeat(1 + random.nextInt(300)); // Chars32, rarely
      default -> pick(WORDS);
    };
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }
}
