package org.netduplex.msbin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.netduplex.msbin.TestSupport.STR_N;
import static org.netduplex.msbin.TestSupport.assertIdenticalXml;
import static org.netduplex.msbin.TestSupport.hex;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The byte-exact examples of the specifications. [MC-NBFX] section 3 "Structure Examples" gives one
 * document per record type; each must decode to the characters the table shows, and, where our
 * encoder picks the same record for those characters, encode back to the same bytes. Where it does
 * not (the table closes an element with a separate EndElement where a *WithEndElement record is
 * shorter, or uses a record our encoder never writes), the encoding must still decode to the same
 * characters.
 */
class SpecExamplesTest {
  private static final String ABC = "0A 68 74 74 70 3A 2F 2F 61 62 63"; // String "http://abc"

  /** Wraps records that cannot stand alone (comments, arrays) in {@code <r>...</r>}. */
  private static String inR(String hex) {
    return "40 01 72 " + hex + " 01";
  }

  /** Record name, bytes, characters, and whether our encoder writes exactly these bytes back. */
  static Stream<Arguments> nbfxSection3() {
    return Stream.of(
        row("EndElement", "40 03 64 6F 63 01", "<doc></doc>", true),
        row("Comment", inR("02 07 63 6F 6D 6D 65 6E 74"), "<r><!--comment--></r>", true),
        row("Array", inR("03 40 03 61 72 72 01 8B 03 33 33 88 88 DD DD"),
            "<r><arr>13107</arr><arr>-30584</arr><arr>-8739</arr></r>", false),
        row("ShortAttribute", "40 03 64 6F 63 04 04 61 74 74 72 84 01", "<doc attr=\"false\"></doc>", true),
        row("Attribute", "40 03 64 6F 63 09 03 70 72 65 " + ABC + " 05 03 70 72 65 04 61 74 74 72 84 01",
            "<doc xmlns:pre=\"http://abc\" pre:attr=\"false\"></doc>", true),
        row("ShortDictionaryAttribute", "40 03 64 6F 63 06 08 86 01", "<doc str8=\"true\"></doc>", true),
        row("DictionaryAttribute", "40 03 64 6F 63 09 03 70 72 65 " + ABC + " 07 03 70 72 65 00 86 01",
            "<doc xmlns:pre=\"http://abc\" pre:str0=\"true\"></doc>", true),
        row("ShortXmlnsAttribute", "40 03 64 6F 63 08 " + ABC + " 01", "<doc xmlns=\"http://abc\"></doc>", true),
        row("XmlnsAttribute", "40 03 64 6F 63 09 01 70 " + ABC + " 01", "<doc xmlns:p=\"http://abc\"></doc>", true),
        row("ShortDictionaryXmlnsAttribute", "40 03 64 6F 63 0A 04 01", "<doc xmlns=\"str4\"></doc>", true),
        row("DictionaryXmlnsAttribute", "40 03 64 6F 63 0B 01 70 04 01", "<doc xmlns:p=\"str4\"></doc>", true),
        row("PrefixDictionaryAttributeF", "40 03 64 6F 63 09 01 66 " + ABC + " 11 0B 98 05 68 65 6C 6C 6F 01",
            "<doc xmlns:f=\"http://abc\" f:str11=\"hello\"></doc>", true),
        row("PrefixDictionaryAttributeX", "40 03 64 6F 63 09 01 78 " + ABC + " 23 15 98 05 77 6F 72 6C 64 01",
            "<doc xmlns:x=\"http://abc\" x:str21=\"world\"></doc>", true),
        row("PrefixAttributeK", "40 03 64 6F 63 09 01 6B " + ABC + " 30 04 61 74 74 72 86 01",
            "<doc xmlns:k=\"http://abc\" k:attr=\"true\"></doc>", true),
        row("PrefixAttributeZ", "40 03 64 6F 63 09 01 7A " + ABC + " 3F 03 61 62 63 98 03 78 79 7A 01",
            "<doc xmlns:z=\"http://abc\" z:abc=\"xyz\"></doc>", true),
        row("ShortElement", "40 03 64 6F 63 01", "<doc></doc>", true),
        row("Element", "41 03 70 72 65 03 64 6F 63 09 03 70 72 65 " + ABC + " 01",
            "<pre:doc xmlns:pre=\"http://abc\"></pre:doc>", true),
        row("ShortDictionaryElement", "42 0E 01", "<str14></str14>", true),
        row("DictionaryElement", "43 03 70 72 65 0E 09 03 70 72 65 " + ABC + " 01",
            "<pre:str14 xmlns:pre=\"http://abc\"></pre:str14>", true),
        row("PrefixDictionaryElementA", "44 0A 09 01 61 " + ABC + " 01", "<a:str10 xmlns:a=\"http://abc\"></a:str10>", true),
        row("PrefixDictionaryElementS", "56 26 09 01 73 " + ABC + " 01", "<s:str38 xmlns:s=\"http://abc\"></s:str38>", true),
        row("PrefixElementA", "5E 05 68 65 6C 6C 6F 09 01 61 " + ABC + " 01",
            "<a:hello xmlns:a=\"http://abc\"></a:hello>", true),
        row("PrefixElementS", "70 09 4D 79 4D 65 73 73 61 67 65 09 01 73 " + ABC + " 01",
            "<s:MyMessage xmlns:s=\"http://abc\"></s:MyMessage>", true),
        row("ZeroText", "40 03 64 6F 63 06 A0 03 80 01", "<doc str416=\"0\"></doc>", true),
        row("ZeroTextWithEndElement", "40 03 61 62 63 81", "<abc>0</abc>", true),
        row("OneText", "40 03 64 6F 63 06 00 82 01", "<doc str0=\"1\"></doc>", true),
        row("OneTextWithEndElement", "40 03 61 62 63 83", "<abc>1</abc>", true),
        row("FalseText", "40 03 64 6F 63 06 00 84 01", "<doc str0=\"false\"></doc>", true),
        row("FalseTextWithEndElement", "40 03 61 62 63 85", "<abc>false</abc>", true),
        row("TrueText", "40 03 64 6F 63 06 00 86 01", "<doc str0=\"true\"></doc>", true),
        row("TrueTextWithEndElement", "40 03 61 62 63 87", "<abc>true</abc>", true),
        row("Int8Text", "40 03 64 6F 63 06 EC 01 88 DE 01", "<doc str236=\"-34\"></doc>", true),
        row("Int8TextWithEndElement", "42 9A 01 89 7F", "<str154>127</str154>", true),
        row("Int16Text", "40 03 64 6F 63 06 EC 01 8A 00 80 01", "<doc str236=\"-32768\"></doc>", true),
        row("Int16TextWithEndElement", "42 9A 01 8B FF 7F", "<str154>32767</str154>", true),
        row("Int32Text", "40 03 64 6F 63 06 EC 01 8C 15 CD 5B 07 01", "<doc str236=\"123456789\"></doc>", true),
        row("Int32TextWithEndElement", "42 9A 01 8D FF FF FF 7F", "<str154>2147483647</str154>", true),
        row("Int64Text", "40 03 64 6F 63 06 EC 01 8E 00 00 00 80 00 00 00 00 01", "<doc str236=\"2147483648\"></doc>", true),
        row("Int64TextWithEndElement", "42 9A 01 8F 00 00 00 00 00 01 00 00", "<str154>1099511627776</str154>", true),
        // Read as text, none of these is a value a float or double holds exactly (1.1, 32.45, the 15-digit e and
        // pi): our encoder keeps them as characters, which WCF reads back exactly, where it reads inexact Float and
        // Double records as other values (256.7f as 256.70001) or other digits (msbin/README.md).
        row("FloatText", "40 03 64 6F 63 04 01 61 90 CD CC 8C 3F 01", "<doc a=\"1.1\"></doc>", false),
        row("FloatTextWithEndElement", "40 05 50 72 69 63 65 91 CD CC 01 42", "<Price>32.45</Price>", false),
        // The doubles are the ones nearest the 15-digit texts shown, not Math.E and Math.PI.
        row("DoubleText", "40 03 64 6F 63 04 01 61 92 74 57 14 8B 0A BF 05 40 01", "<doc a=\"2.71828182845905\"></doc>", false),
        row("DoubleTextWithEndElement", "40 02 50 49 93 11 2D 44 54 FB 21 09 40", "<PI>3.14159265358979</PI>", false),
        // Our encoder writes 5.123456 as the shorter FloatText; it never writes DecimalText.
        row("DecimalText", "40 03 64 6F 63 04 03 69 6E 74 94 00 00 06 00 00 00 00 00 80 2D 4E 00 00 00 00 00 01",
            "<doc int=\"5.123456\"></doc>", false),
        row("DecimalTextWithEndElement", "40 08 4D 61 78 56 61 6C 75 65 95 00 00 00 00 FF FF FF FF FF FF FF FF FF FF FF FF",
            "<MaxValue>79228162514264337593543950335</MaxValue>", false),
        row("DateTimeText", "40 03 64 6F 63 06 6E 96 FF 3F 37 F4 75 28 CA 2B 01",
            "<doc str110=\"9999-12-31T23:59:59.9999999\"></doc>", true),
        row("DateTimeTextWithEndElement", "42 6C 97 00 40 8E F9 5B 47 C8 08", "<str108>2006-05-17T00:00:00</str108>", true),
        row("Chars8Text", "40 03 64 6F 63 98 05 68 65 6C 6C 6F 01", "<doc>hello</doc>", false),
        row("Chars8TextWithEndElement", "40 01 61 99 05 68 65 6C 6C 6F", "<a>hello</a>", true),
        row("Chars16Text", "40 03 64 6F 63 9A 05 00 68 65 6C 6C 6F 01", "<doc>hello</doc>", false),
        row("Chars16TextWithEndElement", "40 01 61 9B 05 00 68 65 6C 6C 6F", "<a>hello</a>", false),
        row("Chars32Text", "40 03 64 6F 63 9C 05 00 00 00 68 65 6C 6C 6F 01", "<doc>hello</doc>", false),
        row("Chars32TextWithEndElement", "40 01 61 9D 05 00 00 00 68 65 6C 6C 6F", "<a>hello</a>", false),
        row("Bytes8Text", "40 03 64 6F 63 9E 08 00 01 02 03 04 05 06 07 01", "<doc>AAECAwQFBgc=</doc>", false),
        row("Bytes8TextWithEndElement", "40 06 42 61 73 65 36 34 9F 08 00 01 02 03 04 05 06 07",
            "<Base64>AAECAwQFBgc=</Base64>", true),
        row("Bytes16Text", "40 03 64 6F 63 A0 08 00 00 01 02 03 04 05 06 07 01", "<doc>AAECAwQFBgc=</doc>", false),
        row("Bytes16TextWithEndElement", "40 06 42 61 73 65 36 34 A1 08 00 00 01 02 03 04 05 06 07",
            "<Base64>AAECAwQFBgc=</Base64>", false),
        row("Bytes32Text", "40 03 64 6F 63 A2 08 00 00 00 00 01 02 03 04 05 06 07 01", "<doc>AAECAwQFBgc=</doc>", false),
        row("Bytes32TextWithEndElement", "40 06 42 61 73 65 36 34 A3 08 00 00 00 00 01 02 03 04 05 06 07",
            "<Base64>AAECAwQFBgc=</Base64>", false),
        row("StartListText/EndListText", "40 03 64 6F 63 04 01 61 A4 88 7B 98 05 68 65 6C 6C 6F 86 A6 01",
            "<doc a=\"123 hello true\"></doc>", false),
        row("EmptyText", "40 03 64 6F 63 04 01 61 A8 01", "<doc a=\"\"></doc>", true),
        row("EmptyTextWithEndElement", "40 03 64 6F 63 A9", "<doc></doc>", false),
        row("DictionaryText", "40 03 64 6F 63 04 02 6E 73 AA 38 01", "<doc ns=\"str56\"></doc>", true),
        row("DictionaryTextWithEndElement", "40 04 54 79 70 65 AB C4 01", "<Type>str196</Type>", true),
        row("UniqueIdText", "40 03 64 6F 63 AC 00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF 01",
            "<doc>urn:uuid:33221100-5544-7766-8899-aabbccddeeff</doc>", false),
        row("UniqueIdTextWithEndElement", "42 1A AD 00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF",
            "<str26>urn:uuid:33221100-5544-7766-8899-aabbccddeeff</str26>", true),
        row("TimeSpanText", "40 03 64 6F 63 AE 00 C4 F5 32 FF FF FF FF 01", "<doc>-PT5M44S</doc>", false),
        row("TimeSpanTextWithEndElement", "42 94 07 AF 00 B0 8E F0 1B 00 00 00", "<str916>PT3H20M</str916>", false),
        row("UuidText", "40 03 64 6F 63 B0 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 01",
            "<doc>03020100-0504-0706-0809-0a0b0c0d0e0f</doc>", false),
        row("UuidTextWithEndElement", "40 02 49 44 B1 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F",
            "<ID>03020100-0504-0706-0809-0a0b0c0d0e0f</ID>", true),
        row("UInt64Text", "40 03 64 6F 63 B2 FF FF FF FF FF FF FF FF 01", "<doc>18446744073709551615</doc>", false),
        row("UInt64TextWithEndElement", "42 9A 01 B3 FE FF FF FF FF FF FF FF", "<str154>18446744073709551614</str154>", true),
        row("BoolText", "40 03 64 6F 63 B4 01 01", "<doc>true</doc>", false),
        row("BoolTextWithEndElement", inR("03 40 03 61 72 72 01 B5 05 01 00 01 00 01"),
            "<r><arr>true</arr><arr>false</arr><arr>true</arr><arr>false</arr><arr>true</arr></r>", false),
        row("UnicodeChars8Text", "40 03 64 6F 63 04 01 75 B6 06 75 00 6E 00 69 00 01", "<doc u=\"uni\"></doc>", false),
        row("UnicodeChars8TextWithEndElement", "40 01 55 B7 06 75 00 6E 00 69 00", "<U>uni</U>", false),
        row("UnicodeChars16Text", "40 03 64 6F 63 04 03 75 31 36 B8 08 00 75 00 6E 00 69 00 32 00 01",
            "<doc u16=\"uni2\"></doc>", false),
        row("UnicodeChars16TextWithEndElement", "40 03 55 31 36 B9 08 00 75 00 6E 00 69 00 32 00", "<U16>uni2</U16>", false),
        row("UnicodeChars32Text", "40 03 64 6F 63 04 03 75 33 32 BA 04 00 00 00 33 00 32 00 01",
            "<doc u32=\"32\"></doc>", false),
        row("UnicodeChars32TextWithEndElement", "40 03 55 33 32 BB 04 00 00 00 33 00 32 00", "<U32>32</U32>", false),
        row("QNameDictionaryText", "40 03 64 6F 63 06 F0 06 BC 08 8E 07 01", "<doc str880=\"i:str910\"></doc>", false),
        row("QNameDictionaryTextWithEndElement", "40 04 54 79 70 65 BD 12 90 07", "<Type>s:str912</Type>", false),
        // The closing example of section 3: ShortElement, Int32Text(1234), FalseText, EndElement.
        row("text records in a row", "40 07 65 6C 65 6D 65 6E 74 8C D2 04 00 00 84 01", "<element>1234false</element>", false));
  }

  private static Arguments row(String record, String bytes, String xml, boolean encoderWritesSameBytes) {
    return Arguments.of(record, bytes, xml, encoderWritesSameBytes);
  }

  @ParameterizedTest(name = "[MC-NBFX] 3 {0}")
  @MethodSource("nbfxSection3")
  void decodesToTheCharactersTheTableShows(String record, String bytes, String xml, boolean ignored) throws Exception {
    assertIdenticalXml(xml, TestSupport.toText(hex(bytes), STR_N));
  }

  @ParameterizedTest(name = "[MC-NBFX] 3 {0}")
  @MethodSource("nbfxSection3")
  void encodesBackToTheSameBytesOrToBytesWithTheSameMeaning(String record, String bytes, String xml, boolean same)
      throws Exception {
    byte[] encoded = TestSupport.fromText(xml, STR_N);
    if (same) {
      assertEquals(hex(hex(bytes)), hex(encoded), record);
    }
    assertIdenticalXml(xml, TestSupport.toText(encoded, STR_N));
  }

  /** [MC-NBFS] section 3: a SOAP 1.2 envelope with WS-Addressing, byte for byte. */
  @Test
  void nbfsSection3SoapEnvelope() throws Exception {
    String xml = "<s:Envelope xmlns:a=\"http://www.w3.org/2005/08/addressing\" "
        + "xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Header>"
        + "<a:Action s:mustUnderstand=\"1\">action</a:Action></s:Header>"
        + "<s:Body><Inventory>0</Inventory></s:Body></s:Envelope>";
    String bytes = "56 02 0B 01 61 06 0B 01 73 04 56 08 44 0A 1E 00 82 99 06 61 63 74 69 6F 6E 01 56 0E 40 09 49 6E "
        + "76 65 6E 74 6F 72 79 81 01 01";
    assertEquals(bytes, hex(Msbin.fromText(xml)));
    assertIdenticalXml(xml, Msbin.toText(hex(bytes)));
  }
}
