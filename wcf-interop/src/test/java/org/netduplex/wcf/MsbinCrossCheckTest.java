package org.netduplex.wcf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;
import org.netduplex.msbin.Msbin;
import org.netduplex.msbin.internal.RoundTripFormat;
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
      scripts.add(TypedScript.of(random, new InfosetGenerator(random.nextLong())));
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
