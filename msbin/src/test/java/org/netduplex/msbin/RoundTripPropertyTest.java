package org.netduplex.msbin;

import static org.netduplex.msbin.TestSupport.assertIdenticalXml;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.xml.stream.XMLStreamWriter;
import org.junit.jupiter.api.Test;

/**
 * Random XML infosets (seeded, so a failure names its case) go text to binary to text and must come
 * back XMLUnit-identical: names, prefixes, namespace declarations, attributes, text, comments.
 * Values are drawn to hit every record the encoder chooses, including the near misses that must
 * stay chars ("01", "1.0", "+5", upper-case UUIDs).
 */
class RoundTripPropertyTest {
  private static final int CASES = 400;
  private static final long SEED = 20240607L;

  private static final String[] NAMES = {
    "Envelope", "Body", "Header", "Action", "To", "Address", "Stock", "Ask", "Bid", "Notes", "Symbol",
    "a", "x", "item", "Item_2", "long-name.with.dots", "nil", "type", "détail", "名前", "str"
  };
  private static final String[] URIS = {
    "http://www.w3.org/2003/05/soap-envelope", "http://schemas.xmlsoap.org/soap/envelope/",
    "http://www.w3.org/2005/08/addressing", "http://www.w3.org/2001/XMLSchema-instance",
    "urn:petermcg.wordpress.com", "http://schemas.microsoft.com/2008/04/netduplex", "urn:x", "http://abc"
  };
  private static final String[] PREFIXES = {"s", "a", "i", "netdx", "p", "z", "ns1", "Q"};
  private static final String[] VALUES = {
    "", "0", "1", "true", "false", "-34", "127", "128", "-129", "32767", "-32768", "2147483647",
    "2147483648", "-9223372036854775808", "9223372036854775807", "9223372036854775808",
    "18446744073709551615", "18446744073709551616", "01", "-0", "+5", "1.0", "1.1", "256.7", "256.02",
    "3.14159265358979", "2.718281828459045", "1E+20", "1E-05", "0.0001", "NaN", "INF", "-INF", "Infinity",
    "2006-05-17T00:00:00", "2006-05-17T10:20:30.1234567Z", "9999-12-31T23:59:59.9999999", "2006-05-17",
    "0001-01-01T00:00:00", "2006-05-17T10:20:30.10Z", "d9b3a9c2-7f6e-4e8d-9c3b-2a1f0e9d8c7b",
    "D9B3A9C2-7F6E-4E8D-9C3B-2A1F0E9D8C7B", "urn:uuid:33221100-5544-7766-8899-aabbccddeeff",
    "AAECAwQFBgc=", "Transactions", "AAECAwQFBg==", "hello", "Envelope",
    "http://www.w3.org/2005/08/addressing/anonymous", "  spaced  ", "\n\t", "<&>\"'", "]]>",
    "日本語のテキスト", "😀 emoji", "mixed ü and ß", "s:Envelope", "a b c"
  };

  @Test
  void randomDocumentsRoundTripIdentical() throws Exception {
    Random random = new Random(SEED);
    for (int i = 0; i < CASES; i++) {
      String xml = randomDocument(random);
      byte[] binary;
      try {
        binary = Msbin.fromText(xml);
      } catch (Exception e) {
        throw new AssertionError("case " + i + " failed to encode: " + xml, e);
      }
      String back = i % 2 == 0 ? Msbin.toText(binary) : toTextThroughTrickle(binary, random.nextLong());
      assertIdenticalXml(xml, back);
    }
  }

  /** Decodes from a stream that hands out 1 to 7 bytes a read, so every record straddles refills. */
  private static String toTextThroughTrickle(byte[] binary, long seed) throws Exception {
    Random chunks = new Random(seed);
    InputStream trickle = new ByteArrayInputStream(binary) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1 + chunks.nextInt(7)));
      }
    };
    StringWriter text = new StringWriter();
    XMLStreamWriter to = new com.ctc.wstx.stax.WstxOutputFactory().createXMLStreamWriter(text);
    Msbin.copy(Msbin.reader(trickle), to);
    return text.toString();
  }

  private static String randomDocument(Random r) {
    StringBuilder out = new StringBuilder();
    element(r, out, 0, new ArrayList<>());
    return out.toString();
  }

  /** Writes one element; {@code inScope} holds the prefixes declared by its ancestors. */
  private static void element(Random r, StringBuilder out, int depth, List<String> inScope) {
    List<String> scope = new ArrayList<>(inScope);
    List<String> declarations = new ArrayList<>();
    String prefix = r.nextInt(3) == 0 ? "" : pick(r, PREFIXES);
    if (!prefix.isEmpty() && !scope.contains(prefix)) {
      declarations.add(prefix);
      scope.add(prefix);
    }
    String name = pick(r, NAMES);
    out.append('<').append(qname(prefix, name));
    if (r.nextInt(4) == 0) {
      out.append(" xmlns=\"").append(escape(pick(r, URIS))).append('"');
    }
    for (String p : declarations) {
      out.append(" xmlns:").append(p).append("=\"").append(escape(pick(r, URIS))).append('"');
    }
    List<String> localNames = new ArrayList<>();
    for (int a = r.nextInt(4); a > 0; a--) {
      String attributePrefix = r.nextInt(3) == 0 && !scope.isEmpty() ? pick(r, scope) : "";
      String local = pick(r, NAMES);
      if (localNames.contains(local)) {
        continue; // unique local names: two prefixes may share a namespace
      }
      localNames.add(local);
      out.append(' ').append(qname(attributePrefix, local)).append("=\"").append(escape(value(r))).append('"');
    }
    out.append('>');
    int children = depth >= 5 ? 0 : r.nextInt(4);
    for (int c = 0; c < children; c++) {
      switch (r.nextInt(6)) {
        case 0 -> out.append(escape(value(r)));
        case 1 -> out.append("<!--").append(pick(r, new String[] {"", " note ", "a-b", "日本"})).append("-->");
        default -> element(r, out, depth + 1, scope);
      }
    }
    if (children == 0 && r.nextBoolean()) {
      out.append(escape(value(r)));
    }
    out.append("</").append(qname(prefix, name)).append('>');
  }

  private static String value(Random r) {
    return switch (r.nextInt(12)) {
      case 0 -> longText(r, 200 + r.nextInt(200));
      case 1 -> Integer.toString(r.nextInt());
      case 2 -> Double.toString(r.nextDouble() * 1000);
      default -> pick(r, VALUES);
    };
  }

  private static String longText(Random r, int n) {
    StringBuilder s = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      s.append((char) ('a' + r.nextInt(26)));
    }
    return s.toString();
  }

  private static String qname(String prefix, String name) {
    return prefix.isEmpty() ? name : prefix + ":" + name;
  }

  private static <T> T pick(Random r, T[] options) {
    return options[r.nextInt(options.length)];
  }

  private static <T> T pick(Random r, List<T> options) {
    return options.get(r.nextInt(options.size()));
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("\n", "&#10;").replace("\t", "&#9;");
  }
}
