package org.netduplex.wcf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;
import org.netduplex.msbin.Msbin;
import org.netduplex.msbin.internal.RoundTripFormat;
import org.netduplex.msbin.internal.StaticDictionary;
import org.netduplex.wcf.Infoset.Element;
import org.netduplex.wcf.Infoset.Text;

/**
 * Our codec against WCF's (Microsoft's reference-source XmlBinaryReader/XmlBinaryWriter in Mono), both ways, over
 * seeded random documents and hand-picked ones, all in {@link Canonical} form.
 *
 * <p>A: {@code MsbinXMLStreamWriter} writes; WCF's reader (with WCF's static dictionary) and ours must both give back
 * the document written. B: WCF's writer writes, with and without the dictionary, plain and typed values (every
 * record a .NET writer makes: integers, floats, decimals, DateTimes of each kind, TimeSpans, GUIDs, UniqueIds, bytes,
 * booleans, qualified names, dictionary strings, arrays); our reader must give what WCF's reader gives.
 */
class MsbinCrossCheckTest {
  private static final int RANDOM_DOCUMENTS = 400;

  @Test
  void whatWeWriteWcfReadsAsWritten() throws Exception {
    List<Element> documents = new ArrayList<>(InfosetGenerator.documents(1201, RANDOM_DOCUMENTS));
    documents.addAll(handPicked());
    List<byte[]> bytes = new ArrayList<>();
    for (Element d : documents) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        Infoset.write(d, Msbin.writer(out));
      } catch (XMLStreamException e) {
        throw new AssertionError("our writer refused\n" + Infoset.script(d), e);
      }
      bytes.add(out.toByteArray());
    }
    List<String> wcf = MsbinPeer.read(bytes, true);
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      String expected = Infoset.canonical(documents.get(i));
      String ours = Canonical.of(Msbin.reader(bytes.get(i)));
      if (!expected.equals(wcf.get(i))) {
        wrong.add(describe(i, "read by WCF", "WCF", wcf.get(i), "written", expected));
      }
      if (!expected.equals(ours)) {
        wrong.add(describe(i, "read by us", "ours", ours, "written", expected));
      }
    }
    report("A (ours writes, WCF reads)", documents.size(), wrong);
  }

  @Test
  void whatWcfWritesWeReadAsWcfDoes() throws Exception {
    List<String> scripts = new ArrayList<>();
    InfosetGenerator.documents(1202, RANDOM_DOCUMENTS / 2).forEach(d -> scripts.add(Infoset.script(d)));
    handPicked().forEach(d -> scripts.add(Infoset.script(d)));
    Random random = new Random(1203);
    for (int i = 0; i < RANDOM_DOCUMENTS / 2; i++) {
      scripts.add(typedScript(random, new InfosetGenerator(random.nextLong())));
    }
    int checked = 0;
    List<String> wrong = new ArrayList<>();
    for (boolean dictionary : new boolean[] {true, false}) {
      List<MsbinPeer.Written> wcf = MsbinPeer.write(scripts, dictionary);
      for (int i = 0; i < scripts.size(); i++) {
        MsbinPeer.Written w = wcf.get(i);
        if (w.bytes() == null) {
          wrong.add("script " + i + " (dictionary " + dictionary + "): WCF refused it: " + w.canonical()
              + "\n" + scripts.get(i));
          continue;
        }
        String ours;
        try {
          ours = Canonical.of(Msbin.reader(w.bytes()));
        } catch (Exception e) {
          ours = "!" + e;
        }
        if (!sameButForDoublePrecision(w.canonical(), ours)) {
          wrong.add(describe(i, "(dictionary " + dictionary + ") " + hex(w.bytes()), "WCF", w.canonical(), "ours", ours)
              + "\n" + scripts.get(i));
        }
        checked++;
      }
    }
    report("B (WCF writes, we read)", checked, wrong);
  }

  /**
   * Equal, or equal but for doubles where .NET's parse chose the other precision (see MsbinFloatTextTest): a line
   * whose last field is our text of a double d, where WCF's is d's other 15- or 17-digit form.
   */
  private static boolean sameButForDoublePrecision(String wcf, String ours) {
    if (wcf.equals(ours)) {
      return true;
    }
    String[] w = wcf.split("\n", -1);
    String[] o = ours.split("\n", -1);
    if (w.length != o.length) {
      return false;
    }
    for (int i = 0; i < w.length; i++) {
      if (!w[i].equals(o[i]) && !otherPrecision(w[i], o[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean otherPrecision(String wcfLine, String ourLine) {
    int wTab = wcfLine.lastIndexOf('\t');
    int oTab = ourLine.lastIndexOf('\t');
    if (wTab != oTab || !wcfLine.substring(0, wTab).equals(ourLine.substring(0, oTab))) {
      return false;
    }
    String wcfText = wcfLine.substring(wTab + 1);
    try {
      double d = Double.parseDouble(ourLine.substring(oTab + 1));
      return wcfText.equals(RoundTripFormat.general(d, 15)) || wcfText.equals(RoundTripFormat.general(d, 17));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Records the writer must size right, the far ends of nesting and of names. */
  private static List<Element> handPicked() {
    InfosetGenerator g = new InfosetGenerator(7);
    List<Element> out = new ArrayList<>();
    out.add(leaf(g.chars("abcdefghij", 70_000)));                  // Chars32
    out.add(leaf(g.chars("名前漢字", 40_000)));                        // UnicodeChars32 (UTF-16 shorter)
    out.add(leaf(g.chars("名前漢字", 200)));                           // UnicodeChars16
    out.add(leaf(g.base64(70_000)));                                 // Bytes32
    out.add(leaf(g.base64(300)));                                    // Bytes16
    out.add(leaf(""));
    out.add(leaf("-"));
    out.add(leaf(" http://schemas.xmlsoap.org/ws/2005/02/trust/tlsnego"));
    out.add(leaf("\uD83D\uDE00\uD800\uDC00\uDBFF\uDFFF"));         // surrogate pairs at the edges
    out.add(leaf("\uFFFD\uE000\u0085\u2028"));
    out.add(InfosetGenerator.deep(60));
    Element mixed = new Element("", "", "mixed");
    mixed.add(new Text("a")).add(new Element("", "", "b")).add(new Text("c")).add(new Infoset.Comment("d"))
        .add(new Text("")).add(new Text("e")).add(new Element("", "", "f").add(new Text("g")));
    out.add(mixed);
    return out;
  }

  private static Element leaf(String text) {
    return new Element("", "", "v").add(new Text(text));
  }

  /** Typed values, qualified names, dictionary names and text, and arrays, as only a .NET writer makes them. */
  private static String typedScript(Random random, InfosetGenerator g) {
    StringBuilder s = new StringBuilder();
    Infoset.op(s, "SED", "s", "2", "4");                              // s:Envelope in the SOAP 1.2 namespace
    Infoset.op(s, "NS", "q", "urn:netduplex:q");
    int items = 1 + random.nextInt(12);
    for (int i = 0; i < items; i++) {
      String[] typed = typedValue(random, g);
      switch (random.nextInt(7)) {
        case 0 -> {
          Infoset.op(s, "SE", "", "t" + i, "");
          Infoset.op(s, "AV", "", "v", "", typed[0], typed[1]);
          Infoset.op(s, "V", typed[0], typed[1]);
          Infoset.op(s, "EE");
        }
        case 1 -> {
          Infoset.op(s, "SED", "", nameId(random), "6");
          Infoset.op(s, "AD", "", nameId(random), "0", g.value());
          Infoset.op(s, "TD", Integer.toString(2 * random.nextInt(487)));
          Infoset.op(s, "EE");
        }
        case 2 -> {
          Infoset.op(s, "SE", "", "qn", "");
          if (random.nextBoolean()) {
            Infoset.op(s, "QN", "local" + i, "urn:netduplex:q");
          } else {
            Infoset.op(s, "QND", nameId(random), "4");
          }
          Infoset.op(s, "EE");
        }
        case 3 -> {
          String type = pick(random, "i2", "i4", "i8", "bool", "f4", "f8", "dec", "ts", "dt");
          Infoset.op(s, "ARR", type, "q", "item", "urn:netduplex:q", arrayValues(random, type));
        }
        case 4 -> Infoset.op(s, "C", "comment " + i);
        case 5 -> { // no doubles inside mixed text: see sameButForDoublePrecision
          Infoset.op(s, "SE", "", "mixed", "");
          Infoset.op(s, "T", g.value());
          Infoset.op(s, "V", typed[0].equals("f8") ? "i4" : typed[0], typed[0].equals("f8") ? "8" : typed[1]);
          Infoset.op(s, "T", g.value());
          Infoset.op(s, "EE");
        }
        default -> {
          Infoset.op(s, "SE", "q", "x" + i, "urn:netduplex:q");
          Infoset.op(s, "V", typed[0], typed[1]);
          Infoset.op(s, "EE");
        }
      }
    }
    Infoset.op(s, "EE");
    return s.toString();
  }

  /** A dictionary id whose string is an XML name (WCF writes any string as a name; our reader refuses non-names). */
  private static String nameId(Random random) {
    while (true) {
      int id = 2 * random.nextInt(StaticDictionary.NBFS.size());
      String s = StaticDictionary.NBFS.lookup(id);
      if (s.matches("[A-Za-z_][A-Za-z0-9_.-]*") && !s.equals("xmlns")) { // our reader refuses the name xmlns
        return Integer.toString(id);
      }
    }
  }

  private static String[] typedValue(Random random, InfosetGenerator g) {
    return switch (random.nextInt(13)) {
      case 0 -> new String[] {"i4", Integer.toString(random.nextInt() >> random.nextInt(32))};
      case 1 -> new String[] {"i8", Long.toString(random.nextLong() >> random.nextInt(64))};
      case 2 -> new String[] {"u8", Long.toUnsignedString(random.nextLong())};
      case 3 -> new String[] {"dec", random.nextInt(2_000_000) - 1_000_000 + "." + random.nextInt(1000)};
      case 4 -> new String[] {"bool", random.nextBoolean() ? "true" : "false"};
      case 5 -> new String[] {"f4", Integer.toHexString(random.nextInt())};
      case 6 -> new String[] {"f8", Long.toHexString(random.nextLong())};
      case 7 -> new String[] {"guid", new UUID(random.nextLong(), random.nextLong()).toString()};
      case 8 -> new String[] {"uid", new UUID(random.nextLong(), random.nextLong()).toString()};
      // UTC and unspecified: a local DateTime reads in the reading machine's zone, which both sides share here
      case 9 -> new String[] {"dt", (long) (random.nextDouble() * 3_155_378_975_999_999_999L) + ":" + random.nextInt(3)};
      case 10 -> new String[] {"ts", Long.toString(random.nextLong() >> random.nextInt(64))};
      case 11 -> new String[] {"b64", g.base64(random.nextInt(40))};
      default -> new String[] {"i4", pick(random, "0", "1", "-1", "127", "128", "-128", "-129", "32767", "32768",
          "2147483647", "-2147483648")};
    };
  }

  /** 1 to 5 values in the range of {@code type} (booleans as true/false, DateTimes as ticks, mirrored if negative). */
  private static String arrayValues(Random random, String type) {
    long bound = switch (type) {
      case "i2" -> Short.MAX_VALUE;
      case "i4" -> Integer.MAX_VALUE;
      case "dt" -> 3_155_378_975_999_999_999L;
      default -> Long.MAX_VALUE;
    };
    StringBuilder s = new StringBuilder();
    int n = 1 + random.nextInt(5);
    for (int i = 0; i < n; i++) {
      long v = random.nextBoolean() ? random.nextInt(200) - 100 : random.nextLong() >> random.nextInt(64);
      s.append(i > 0 ? "," : "").append(type.equals("bool") ? String.valueOf(v % 2 == 0) : String.valueOf(v % bound));
    }
    return s.toString();
  }

  private static String pick(Random random, String... options) {
    return options[random.nextInt(options.length)];
  }

  /** The first line where the forms part, with the line before it. */
  private static String describe(int i, String what, String left, String wcf, String right, String ours) {
    String[] w = wcf.split("\n", -1);
    String[] o = ours.split("\n", -1);
    int at = 0;
    while (at < w.length && at < o.length && w[at].equals(o[at])) {
      at++;
    }
    return "document " + i + " " + what + ", from line " + at + "\n  " + left + ": " + excerpt(w, at) + "\n  "
        + right + ": " + excerpt(o, at);
  }

  private static String excerpt(String[] lines, int at) {
    String s = String.join(" | ", List.of(lines).subList(Math.max(0, at - 1), Math.min(lines.length, at + 2)));
    return s.length() > 600 ? s.substring(0, 600) + "..." : s;
  }

  private static void report(String direction, int documents, List<String> wrong) {
    System.out.printf("%s: %d documents, %d differ%n", direction, documents, wrong.size());
    assertTrue(wrong.isEmpty(), direction + ": " + wrong.size() + " of " + documents + " differ:\n"
        + String.join("\n", wrong.subList(0, Math.min(10, wrong.size()))));
  }

  private static String hex(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < Math.min(b.length, 400); i++) {
      s.append(String.format("%02X", b[i]));
    }
    return b.length > 400 ? s + "..." : s.toString();
  }
}
