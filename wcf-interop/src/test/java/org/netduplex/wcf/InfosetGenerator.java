package org.netduplex.wcf;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.netduplex.msbin.internal.RoundTripFormat;
import org.netduplex.msbin.internal.StaticDictionary;
import org.netduplex.wcf.Infoset.Attribute;
import org.netduplex.wcf.Infoset.Comment;
import org.netduplex.wcf.Infoset.Element;
import org.netduplex.wcf.Infoset.Text;

/**
 * Seeded random documents for the codec cross-check: dictionary and plain names, prefixes a-z and longer ones,
 * default namespaces set and undone, attributes, mixed content, comments, deep nesting, and text that our writer
 * sends as every record it has (integers of each width, floats, doubles, UUIDs, DateTimes, base64, dictionary
 * strings, UTF-8 and UTF-16 chars of 8, 16 and 32-bit lengths) next to near misses that must stay chars.
 */
final class InfosetGenerator {
  private static final String[] NAMESPACES = {
    "http://www.w3.org/2003/05/soap-envelope", "http://www.w3.org/2005/08/addressing",
    "http://schemas.microsoft.com/2008/04/netduplex", "urn:netduplex:test", "http://tempuri.org/", ""};
  private static final String[] LOCALS = {"Envelope", "Body", "Header", "Action", "To", "item", "Quote", "x",
    "Symbol", "ask", "détail", "名前", "a-b.c_d", "detail", "faultcode"};
  private static final String[] PREFIXES = {"s", "a", "b", "z", "ns1", "wsa", "tns", "p"};
  private static final String[] NEAR_MISSES = {"01", "+5", "1.0", "-0.0", "1e5", "1E5", "0x10", " 1", "1 ",
    "Infinity", "-Infinity", "nan", "NaN ", "3.4028235E+38", "0.00001", "9.007199254740992E+15", "-",
    "TRUE", "False", "00000000-0000-0000-0000-00000000000G", "6F9619FF-8B86-D011-B42D-00C04FC964FF",
    "urn:uuid:6F9619FF-8B86-D011-B42D-00C04FC964FF", "2006-05-17", "2006-05-17T00:00:00.0000000",
    "2006-05-17T25:00:00", "0001-01-01T00:00:00+01:00", "QUJD", "abcdefghijk=", "18446744073709551616",
    "-9223372036854775809", "http://schemas.xmlsoap.org/ws/2005/02/trust/tlsnego"};

  private final Random random;
  private final StaticDictionary dictionary = StaticDictionary.NBFS;

  InfosetGenerator(long seed) {
    this.random = new Random(seed);
  }

  Element document() {
    return element(new HashMap<>(Map.of("", "")), 0);
  }

  private Element element(Map<String, String> inScope, int depth) {
    Map<String, String> scope = new HashMap<>(inScope);
    String namespace = pick(NAMESPACES);
    String prefix = namespace.isEmpty() || random.nextInt(3) == 0 ? "" : pick(PREFIXES);
    Element e = new Element(prefix, namespace, pick(LOCALS));
    bind(e, scope, prefix, namespace);
    Map<String, String> used = new HashMap<>(Map.of(prefix, namespace)); // prefixes this element's names use
    int attributes = random.nextInt(4);
    for (int i = 0; i < attributes; i++) {
      String local = pick(LOCALS) + i; // distinct names
      if (random.nextBoolean()) {
        e.attributes().add(new Attribute("", "", i == 0 && random.nextBoolean() ? "mustUnderstand" : local, value()));
      } else if (random.nextInt(8) == 0) {
        e.attributes().add(new Attribute("xml", "http://www.w3.org/XML/1998/namespace", "lang" + i, value()));
      } else {
        String ns = NAMESPACES[random.nextInt(NAMESPACES.length - 1)];
        String p = pick(PREFIXES);
        if (!ns.equals(used.getOrDefault(p, ns))) {
          continue; // that prefix already means another namespace on this element
        }
        used.put(p, ns);
        bind(e, scope, p, ns);
        e.attributes().add(new Attribute(p, ns, local, value()));
      }
    }
    int children = depth > 6 ? 0 : random.nextInt(depth < 2 ? 6 : 4);
    for (int i = 0; i < children; i++) {
      switch (random.nextInt(10)) {
        case 0, 1, 2, 3 -> e.add(element(scope, depth + 1));
        case 4 -> e.add(new Comment(comment()));
        default -> e.add(new Text(value()));
      }
    }
    return e;
  }

  /** Declares {@code prefix} for {@code namespace} on {@code e} unless it already means that here. */
  private static void bind(Element e, Map<String, String> scope, String prefix, String namespace) {
    if (!namespace.equals(scope.get(prefix))) {
      e.declarations().put(prefix, namespace);
      scope.put(prefix, namespace);
    }
  }

  /** A nested chain {@code depth} elements deep, one text at the bottom. */
  static Element deep(int depth) {
    Element root = new Element("", "", "d0");
    Element at = root;
    for (int i = 1; i < depth; i++) {
      Element child = new Element("", "", "d" + i);
      at.add(child);
      at = child;
    }
    at.add(new Text("bottom"));
    return root;
  }

  String value() {
    return switch (random.nextInt(22)) {
      case 0 -> pick(new String[] {"0", "1", "true", "false", ""});
      case 1 -> Integer.toString(random.nextInt(256) - 128);
      case 2 -> Integer.toString(random.nextInt(65536) - 32768);
      case 3 -> Integer.toString(random.nextInt());
      case 4 -> Long.toString(random.nextLong());
      case 5 -> Long.toUnsignedString(random.nextLong() | Long.MIN_VALUE);
      case 6 -> RoundTripFormat.formatFloat(Float.intBitsToFloat(random.nextInt()));
      case 7 -> RoundTripFormat.formatDouble(Double.longBitsToDouble(random.nextLong()));
      case 8 -> RoundTripFormat.formatDouble(random.nextInt(100000) / 100.0);
      case 9 -> new UUID(random.nextLong(), random.nextLong()).toString();
      case 10 -> "urn:uuid:" + new UUID(random.nextLong(), random.nextLong());
      case 11 -> dateTime();
      case 12 -> base64(12 + random.nextInt(300));
      case 13 -> dictionary.lookup(2 * random.nextInt(dictionary.size()));
      case 14 -> pick(NEAR_MISSES);
      case 15 -> chars("<>&\"' \t\n\rabcXYZ019", 1 + random.nextInt(40));
      case 16 -> chars("éüßñ€™", 1 + random.nextInt(40));
      case 17 -> chars("名前漢字テスト한국어", 1 + random.nextInt(200));
      case 18 -> surrogates(1 + random.nextInt(20));
      case 19 -> chars("abcdefghij", 256 + random.nextInt(600)); // Chars16
      case 20 -> "   ";
      default -> chars("abcdefghijklmnopqrstuvwxyz ", random.nextInt(30));
    };
  }

  private String dateTime() {
    String s = String.format("%04d-%02d-%02dT%02d:%02d:%02d", 1 + random.nextInt(9999), 1 + random.nextInt(12),
        1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60));
    if (random.nextBoolean()) {
      s += "." + Integer.toString(1 + random.nextInt(9_999_999)).replaceAll("0+$", "");
    }
    return random.nextBoolean() ? s + "Z" : s;
  }

  String base64(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }

  String chars(String alphabet, int n) {
    StringBuilder s = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  private String surrogates(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.appendCodePoint(0x10000 + random.nextInt(0xFFFF)).append(random.nextBoolean() ? "x" : "");
    }
    return s.toString();
  }

  private String comment() {
    return chars("abc -é名", random.nextInt(20)).replace("--", "-x").replaceAll("-$", "x");
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }

  static List<Element> documents(long seed, int count) {
    InfosetGenerator g = new InfosetGenerator(seed);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(g.document());
    }
    return out;
  }
}
