package org.netduplex.msbin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.netduplex.msbin.TestSupport.hex;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * FloatText and DoubleText read as WCF's binary reader gives them (XmlConverter.ToString, .NET Framework "R"), with
 * texts taken from Mono's reference-source XmlBinaryReader; wcf-interop's MsbinFloatTextTest compares thousands more.
 * Each non-integral float text also goes back through our writer as the same record.
 */
class FloatTextTest {
  @ParameterizedTest(name = "float {0} reads {1}")
  @CsvSource(delimiter = '|', value = {
    "7F7FFFFF | 3.40282347E+38",        // MaxValue: G7 does not give it back, G9 does (Java's shortest: 3.4028235E38)
    "FF7FFFFF | -3.40282347E+38",
    "00000001 | 1.401298E-45",          // Epsilon
    "00800000 | 1.17549435E-38",        // smallest normal
    "3DCCCCCD | 0.1",
    "4B189680 | 1E+07",                 // G7 of 10^7: exponent 7 is not below the precision
    "49742400 | 1000000",
    "4B3C614E | 12345678",              // needs G9, where 7 is below the precision
    "3727C5AC | 1E-05",                 // exponent -5 is scientific
    "38D1B717 | 0.0001",
    "402DF854 | 2.71828175",
    "80000000 | -0",
    "7FC00000 | NaN",
    "7F800000 | INF",
    "FF800000 | -INF",
    "C84B94E4 | -208467.563",           // -208467.5625 exactly: the tie rounds away from zero
    "49750BCA | 1003708.63"
  })
  void floatText(String bits, String text) throws Exception {
    byte[] document = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
        .put(new byte[] {0x40, 0x01, 'v', (byte) 0x91}).putInt((int) Long.parseLong(bits, 16)).array();
    assertEquals("<v>" + text + "</v>", Msbin.toText(document));
    if (!text.matches("-?\\d+")) { // integral texts go back as integer records
      // Back as a FloatText only if the text's decimal value is the float exactly (0.5, INF); else as characters,
      // which WCF reads back exactly (it reads inexact Float/Double records as other digits or values).
      byte[] again = Msbin.fromText("<v>" + text + "</v>");
      assertEquals("<v>" + text + "</v>", Msbin.toText(again));
      float f = Float.intBitsToFloat((int) Long.parseLong(bits, 16));
      String record = Float.isInfinite(f) || (!Float.isNaN(f) && new BigDecimal(text).compareTo(new BigDecimal(f)) == 0)
          ? "91" : Float.isNaN(f) ? "93" : "99";
      assertEquals("40 01 76 " + record, hex(again).substring(0, 11), text + " is written as " + hex(again));
    }
  }

  @ParameterizedTest(name = "double {0} reads {1}")
  @CsvSource(delimiter = '|', value = {
    "7FEFFFFFFFFFFFFF | 1.7976931348623157E+308",
    "0000000000000001 | 4.94065645841247E-324",
    "0010000000000000 | 2.2250738585072014E-308",
    "3FB999999999999A | 0.1",
    "3FD3333333333334 | 0.30000000000000004",
    "400921FB54442D18 | 3.1415926535897931",   // G15 3.14159265358979 is another double: G17
    "3FD5555555555555 | 0.33333333333333331",
    "430C6BF526340000 | 1E+15",
    "42D6BCC41E900000 | 100000000000000",
    "4340000000000000 | 9007199254740992",     // G17 digits, fixed-point: 15 is below 17
    "3EE4F8B588E368F1 | 1E-05",
    "444B1AE4D6E2EF50 | 1E+21",
    "8000000000000000 | -0"
  })
  void doubleText(String bits, String text) throws Exception {
    byte[] document = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN)
        .put(new byte[] {0x40, 0x01, 'v', (byte) 0x93}).putLong(Long.parseUnsignedLong(bits, 16)).array();
    assertEquals("<v>" + text + "</v>", Msbin.toText(document));
  }

  /**
   * Texts our old (Java shortest-digits) formatter produced, that the writer therefore sent as Float or Double
   * records, which WCF read as other characters ("0.00001" as "1E-05"). They now stay characters.
   */
  @ParameterizedTest(name = "{0} stays characters")
  @CsvSource({"0.00001", "9.007199254740992E+15", "1.2345678E+07", "-0.00009"})
  void textsWcfWouldReadDifferentlyStayCharacters(String text) throws Exception {
    byte[] written = Msbin.fromText("<v>" + text + "</v>");
    assertEquals("40 01 76 99", hex(written).substring(0, 11), text + " is written as " + hex(written));
    assertEquals("<v>" + text + "</v>", Msbin.toText(written));
  }
}
