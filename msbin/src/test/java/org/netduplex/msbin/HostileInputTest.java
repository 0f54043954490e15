package org.netduplex.msbin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netduplex.msbin.TestSupport.hex;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Malformed and malicious input: each case ends in a {@link MsbinFormatException} naming the problem
 * and its byte offset, after bounded work and memory; nothing else escapes and nothing hangs.
 */
class HostileInputTest {

  /** Reads the whole message from memory and from a stream; both must fail the same way. */
  private static MsbinFormatException failure(byte[] bytes, MsbinLimits limits) {
    MsbinFormatException fromArray = assertThrows(MsbinFormatException.class, () -> drain(Msbin.reader(bytes, limits)));
    assertThrows(MsbinFormatException.class, () -> drain(Msbin.reader(new ByteArrayInputStream(bytes), limits)));
    return fromArray;
  }

  private static MsbinFormatException failure(String hexBytes) {
    return failure(hex(hexBytes), MsbinLimits.DEFAULTS);
  }

  private static void drain(XMLStreamReader r) throws XMLStreamException {
    while (r.hasNext()) {
      r.next();
    }
  }

  private static void assertMessage(MsbinFormatException e, String part) {
    assertTrue(e.getMessage().contains(part), () -> "message '" + e.getMessage() + "' lacks '" + part + "'");
  }

  @Test
  void everyTruncationOfTheEnvelopeIsAClearError() throws Exception {
    byte[] whole = Msbin.fromText(Fixtures.SOAP12_POLL_ANSWER);
    for (int length = 0; length < whole.length; length++) {
      MsbinFormatException e = failure(Arrays.copyOf(whole, length), MsbinLimits.DEFAULTS);
      assertTrue(e.offset() <= length, e.getMessage());
    }
  }

  @Test
  void emptyMessageHasNoRoot() {
    assertMessage(failure(""), "no root element");
  }

  @Test
  void lengthPastTheEndIsRefusedBeforeReading() {
    // <a> then Chars8Text declaring 200 bytes, 3 present.
    MsbinFormatException e = failure(hex("40 01 61 98 C8 61 62 63"), MsbinLimits.DEFAULTS);
    assertTrue(e.getMessage().contains("200") && e.offset() == 5, e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "Chars32Text of 2 GiB - 1, 40 01 61 9C FF FF FF 7F, exceeds the limit",
    "Bytes32Text of negative length, 40 01 61 A2 00 00 00 80, negative length",
    "UnicodeChars32Text of 2 GiB - 1, 40 01 61 BA FF FF FF 7F, exceeds the limit",
    "element name of 2 GiB - 1, 40 FF FF FF FF 07, exceeds the limit",
    "MultiByteInt31 past 31 bits, 40 FF FF FF FF 0F, 31 bits",
    "MultiByteInt31 without end, 42 FF FF FF FF FF, 31 bits",
    "Array of 2^31-1 Int64 values, 40 01 61 03 40 01 62 01 8F FF FF FF FF 07, Array length",
    "Array that outruns the message, 40 01 61 03 40 01 62 01 8F 10 00, only 1 remain",
    "Array of an element-less record, 40 01 61 03 98 01 62, where an element record belongs",
    "Array with a value type it may not have, 40 01 61 03 40 01 62 01 99 01 00, not one the specification allows"
  })
  void hugeOrImpossibleDeclaredSizes(String what, String bytes, String message) {
    assertMessage(failure(bytes), message);
  }

  @ParameterizedTest(name = "record type 0x{0}")
  @CsvSource({"00", "78", "7F", "A5", "A7", "BE", "FF"})
  void unknownRecordTypes(String type) {
    assertMessage(failure("40 01 61 " + type + " 01"), "0x" + type);
  }

  @Test
  void unknownRecordTypeAtTheTop() {
    assertMessage(failure("C0"), "unknown record type 0xC0");
  }

  @Test
  void deepNestingStopsAtTheLimitWithoutRecursion() {
    byte[] deep = new byte[3 * 100_000];
    for (int i = 0; i < deep.length; i += 3) {
      deep[i] = 0x40;
      deep[i + 1] = 0x01;
      deep[i + 2] = 'a';
    }
    assertMessage(failure(deep, MsbinLimits.DEFAULTS), "deeper than the limit of 64");
  }

  @Test
  void totalSizeLimitHoldsForStreams() {
    byte[] big = new byte[5000];
    big[0] = 0x40;
    big[1] = 0x01;
    big[2] = 'a';
    for (int i = 3; i < big.length; i++) {
      big[i] = (byte) 0xA8; // EmptyText, again and again
    }
    MsbinLimits limits = MsbinLimits.DEFAULTS.withMaxTotalBytes(1000);
    assertMessage(failure(big, limits), "limit of 1000");
  }

  @Test
  void tooManyAttributes() {
    StringBuilder bytes = new StringBuilder("40 01 61");
    for (int i = 0; i < 200; i++) {
      bytes.append(String.format(" 04 02 %02X %02X 80", 'a' + i / 26 % 26, 'a' + i % 26));
    }
    assertMessage(failure(bytes + " 01"), "more attributes than the limit of 128");
  }

  @Test
  void stringLimit() {
    MsbinLimits limits = MsbinLimits.DEFAULTS.withMaxStringBytes(4);
    assertMessage(failure(hex("40 01 61 99 05 68 65 6C 6C 6F"), limits), "5 bytes exceeds the limit of 4");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "session dictionary id, 42 01 01, [MC-NBFSE]",
    "undefined even id, 42 D0 07 01, not defined",
    "undeclared element prefix, 5E 01 61 01, undeclared prefix",
    "undeclared attribute prefix, 40 01 61 26 01 62 80 01, undeclared prefix",
    "duplicate attribute, 40 01 61 04 01 62 80 04 01 62 82 01, appears twice",
    "prefix bound to nothing, 40 01 61 09 01 70 00 01, empty namespace",
    "prefix declared twice, 40 01 61 09 01 70 01 75 09 01 70 01 76 01, declared twice",
    "xmlns as a prefix, 41 05 78 6D 6C 6E 73 01 61 01, not an allowed prefix",
    "xml bound elsewhere, 40 01 61 09 03 78 6D 6C 01 75 01, reserved namespace binding",
    "name that is no XML name, 40 03 61 3C 62 01, not an allowed XML name",
    "name with a colon, 40 03 61 3A 62 01, not an allowed XML name",
    "attribute record with no element, 04 01 61 80, not directly after an element record",
    "EndElement with nothing open, 01, EndElement record with no open element",
    "second root, 40 01 61 01 40 01 62 01, second root element",
    "text before the root, 98 01 61, outside the root element",
    "element left open, 40 01 61, ends inside element a",
    "attribute value that is no text, 40 01 61 04 01 62 40, where a text record belongs",
    "attribute value with an end element, 40 01 61 04 01 62 81, where a text record belongs",
    "malformed UTF-8, 40 01 61 99 02 C3 28, not well-formed UTF-8",
    "odd UTF-16 length, 40 01 61 B7 03 61 00 62, odd UTF-16 byte length",
    "lone surrogate in UTF-16, 40 01 61 B7 02 00 D8, not well-formed UTF-16",
    "ESC in Chars8Text, 40 01 61 99 01 1B, U+001B",
    "NUL in Chars8Text, 40 01 61 99 01 00, U+0000",
    "ESC after non-ASCII UTF-8, 40 01 61 99 03 C3 A9 1B, U+001B",
    "U+FFFF in UTF-8, 40 01 61 99 03 EF BF BF, U+FFFF",
    "surrogate encoded in UTF-8, 40 01 61 99 03 ED A0 80, not well-formed UTF-8",
    "ESC in an attribute value, 40 01 61 04 01 62 98 01 1B 01, U+001B",
    "ESC in UnicodeChars8Text, 40 01 61 B7 02 1B 00, U+001B",
    "NUL in UnicodeChars8Text, 40 01 61 B7 02 00 00, U+0000",
    "U+FFFE in UnicodeChars8Text, 40 01 61 B7 02 FE FF, U+FFFE",
    "lone low surrogate in UTF-16, 40 01 61 B7 04 00 DC 61 00, not well-formed UTF-16",
    "BoolText of 2, 40 01 61 B5 02, neither 0 nor 1",
    "DateTime past year 9999, 40 01 61 97 00 40 37 F4 75 28 CA 2B, invalid DateTime",
    "DateTime kind 3, 40 01 61 97 00 00 00 00 00 00 00 C0, invalid DateTime",
    "Decimal scale 29, 40 01 61 95 00 00 1D 00 00 00 00 00 01 00 00 00 00 00 00 00, invalid DECIMAL",
    "QName prefix past z, 40 01 61 BD 1A 02, not a letter a-z",
    "EndListText alone, 40 01 61 A6 01, 0xA6",
    "list holding an element, 40 01 61 A4 40, inside a text list",
    "nested list, 40 01 61 A4 A4, inside a text list"
  })
  void malformedStructure(String what, String bytes, String message) {
    assertMessage(failure(bytes), message);
  }

  /** Tab, line feed, carriage return and characters beyond the BMP are XML 1.0 characters. */
  @Test
  void whitespaceControlsAndSupplementaryCharactersAreAccepted() throws Exception {
    String text = Msbin.toText(hex("40 01 61 99 03 09 0A 0D"));
    assertTrue(text.contains("\t\n"), text);
    String fromUtf16 = Msbin.toText(hex("40 01 61 B7 04 3D D8 00 DE"));
    assertTrue(fromUtf16.contains("\uD83D\uDE00"), fromUtf16);
  }

  @Test
  void errorsCarryTheByteOffset() {
    MsbinFormatException e = failure("40 01 61 40 01 62 5E 01 63 01 01 01");
    assertEquals(6, e.offset());
    assertEquals(6, e.getLocation().getCharacterOffset());
    assertMessage(e, "(at byte 6)");
  }

  /** Random corruption of a real message: every outcome is a document or an XMLStreamException, fast. */
  @Test
  void fuzzedEnvelopesNeverHangOrThrowAnythingElse() throws Exception {
    byte[] whole = Msbin.fromText(Fixtures.SOAP11_POLL_ANSWER);
    Random random = new Random(7);
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      for (int i = 0; i < 3000; i++) {
        byte[] bytes = whole.clone();
        for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
          bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        try {
          drain(i % 2 == 0 ? Msbin.reader(bytes) : Msbin.reader(new ByteArrayInputStream(bytes)));
        } catch (XMLStreamException expected) {
          // a clear refusal is the point
        }
      }
    });
  }
}
