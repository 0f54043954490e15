package org.netduplex.msbin;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.netduplex.core.internal.SafeXml;
import org.netduplex.msbin.internal.BinaryInput;
import org.netduplex.msbin.internal.StaxCopier;
import org.netduplex.msbin.internal.StringDictionary;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;

/** Hex, transcoding with any dictionary, and XMLUnit comparison for the msbin tests. */
final class TestSupport {
  /**
   * The dictionary the [MC-NBFX] section 3 examples assume: id N stands for "strN" ("Records that
   * refer to strings outside the document are shown as strXXX").
   */
  static final StringDictionary STR_N = new StringDictionary() {
    @Override
    public String lookup(int id) {
      return "str" + id;
    }

    @Override
    public int idOf(String value) {
      if (value.length() > 3 && value.startsWith("str") && value.substring(3).chars().allMatch(Character::isDigit)) {
        return Integer.parseInt(value.substring(3));
      }
      return -1;
    }
  };

  private TestSupport() {}

  static byte[] hex(String hex) {
    String digits = hex.replaceAll("\\s+", "");
    byte[] out = new byte[digits.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }

  static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(String.format("%02X", b));
    }
    return out.toString();
  }

  static MsbinXMLStreamReader reader(byte[] bytes, StringDictionary dictionary) throws XMLStreamException {
    MsbinLimits limits = MsbinLimits.DEFAULTS;
    return new MsbinXMLStreamReader(
        new BinaryInput(bytes, 0, bytes.length, limits.maxTotalBytes(), limits.maxStringBytes()), limits, dictionary);
  }

  static String toText(byte[] bytes, StringDictionary dictionary) throws XMLStreamException {
    java.io.StringWriter text = new java.io.StringWriter();
    StaxCopier.copy(reader(bytes, dictionary), new com.ctc.wstx.stax.WstxOutputFactory().createXMLStreamWriter(text));
    return text.toString();
  }

  static byte[] fromText(String xml, StringDictionary dictionary) throws XMLStreamException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    XMLStreamReader from = SafeXml.inputFactory().createXMLStreamReader(new StringReader(xml));
    StaxCopier.copy(from, new MsbinXMLStreamWriter(out, dictionary));
    return out.toByteArray();
  }

  static void assertIdenticalXml(String expected, String actual) {
    Diff diff = DiffBuilder.compare(expected).withTest(actual).checkForIdentical().build();
    assertFalse(diff.hasDifferences(), () -> diff + "\nexpected: " + expected + "\nactual:   " + actual);
  }
}
