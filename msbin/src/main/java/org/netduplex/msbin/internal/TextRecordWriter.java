package org.netduplex.msbin.internal;

import java.math.BigDecimal;
import static org.netduplex.msbin.internal.RecordType.*;

import javax.xml.stream.XMLStreamException;

/**
 * Writes a string as the smallest text record that decodes to exactly the same characters: the
 * constant records, integers, floats and doubles whose canonical form is the string, UUIDs,
 * DateTimes, canonical base64, dictionary strings; otherwise UTF-8 (or UTF-16 when shorter) chars.
 * Exactness is checked by formatting the typed value back with the decoder's own formatter.
 */
public final class TextRecordWriter {
  /** Shorter base64-looking words ("Test", "abcd1234") stay chars: the gain is a byte or two. */
  private static final int MIN_BASE64_CHARS = 12;

  private final BinaryOutput out;
  private final StringDictionary dictionary;

  public TextRecordWriter(BinaryOutput out, StringDictionary dictionary) {
    this.out = out;
    this.dictionary = dictionary;
  }

  /** Writes {@code text}; with {@code endsElement} as the *WithEndElement variant. */
  public void write(String text, boolean endsElement) throws XMLStreamException {
    int end = endsElement ? 1 : 0;
    if (writeTyped(text, end)) {
      return;
    }
    int id = dictionary.idOf(text);
    if (id >= 0) {
      out.write(DICTIONARY_TEXT | end);
      out.writeMultiByteInt31(id);
      return;
    }
    if (text.length() >= MIN_BASE64_CHARS && writeBase64(text, end)) {
      return;
    }
    writeChars(text, end);
  }

  private boolean writeTyped(String text, int end) throws XMLStreamException {
    int n = text.length();
    if (n == 0) {
      out.write(EMPTY_TEXT | end);
      return true;
    }
    switch (text) {
      case "0" -> out.write(ZERO_TEXT | end);
      case "1" -> out.write(ONE_TEXT | end);
      case "false" -> out.write(FALSE_TEXT | end);
      case "true" -> out.write(TRUE_TEXT | end);
      default -> {
        char c = text.charAt(0);
        boolean numeric = c >= '0' && c <= '9' || c == '-';
        if (numeric && writeInteger(text, end)) {
          return true;
        }
        if (n == 36 && writeUuid(text, 0, UUID_TEXT | end)) {
          return true;
        }
        if (n == 45 && text.startsWith("urn:uuid:") && writeUuid(text, 9, UNIQUE_ID_TEXT | end)) {
          return true;
        }
        if (numeric && n >= 19 && n <= 28 && text.charAt(4) == '-' && writeDateTime(text, end)) {
          return true;
        }
        return (numeric || c == 'I' || c == 'N' || c == '.') && n <= 32 && writeFloating(text, end);
      }
    }
    return true;
  }

  private boolean writeInteger(String s, int end) throws XMLStreamException {
    boolean negative = s.charAt(0) == '-';
    int first = negative ? 1 : 0;
    int digits = s.length() - first;
    if (digits < 1 || digits > 20 || s.charAt(first) == '0') {
      return false; // leading zeros and "-0" do not come back the same
    }
    for (int i = first; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    long value;
    try {
      value = Long.parseLong(s);
    } catch (NumberFormatException tooBig) {
      if (negative) {
        return false;
      }
      try {
        long unsigned = Long.parseUnsignedLong(s);
        out.write(UINT64_TEXT | end);
        out.writeInt64(unsigned);
        return true;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    if (value == (byte) value) {
      out.write(INT8_TEXT | end);
      out.write((int) value);
    } else if (value == (short) value) {
      out.write(INT16_TEXT | end);
      out.writeInt16((int) value);
    } else if (value == (int) value) {
      out.write(INT32_TEXT | end);
      out.writeInt32((int) value);
    } else {
      out.write(INT64_TEXT | end);
      out.writeInt64(value);
    }
    return true;
  }

  private boolean writeFloating(String s, int end) throws XMLStreamException {
    double d = TextValues.parseFloating(s);
    if (Double.isNaN(d) && !s.equals("NaN")) {
      return false;
    }
    // Only a text whose decimal value the record holds exactly. A float's text in a double record (or 256.7 in
    // either) is read back by WCF through .NET's parser, which is not correctly rounded: in about 0.4% of such
    // doubles WCF prints 17 digits where the text had fewer (msbin/README.md). And WCF reads a double member from
    // FloatText 256.7f as 256.70001. Characters carry such texts exactly, and are as short for short numbers.
    if (!Double.isInfinite(d) && !Double.isNaN(d) && !holdsExactly(s, d)) {
      return false;
    }
    float f = (float) d;
    if ((double) f == d && TextValues.formatFloat(f).equals(s)) {
      out.write(FLOAT_TEXT | end);
      out.writeInt32(Float.floatToIntBits(f));
      return true;
    }
    if (TextValues.formatDouble(d).equals(s)) {
      out.write(DOUBLE_TEXT | end);
      out.writeInt64(Double.doubleToLongBits(d));
      return true;
    }
    return false;
  }

  private static boolean holdsExactly(String text, double d) {
    try {
      return new BigDecimal(text).compareTo(new BigDecimal(d)) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private boolean writeUuid(String s, int from, int type) throws XMLStreamException {
    byte[] bytes = TextValues.parseUuid(s, from);
    if (bytes == null) {
      return false;
    }
    out.write(type);
    out.writeBytes(bytes);
    return true;
  }

  private boolean writeDateTime(String s, int end) throws XMLStreamException {
    long raw = TextValues.parseDateTime(s);
    if (raw < 0 || (raw & 0x3FFF_FFFF_FFFF_FFFFL) >= TextValues.MAX_DATETIME_TICKS
        || !TextValues.formatDateTime(raw).equals(s)) {
      return false;
    }
    out.write(DATETIME_TEXT | end);
    out.writeInt64(raw);
    return true;
  }

  private boolean writeBase64(String s, int end) throws XMLStreamException {
    byte[] bytes = TextValues.parseCanonicalBase64(s);
    if (bytes == null) {
      return false;
    }
    int n = bytes.length;
    if (n <= 0xFF) {
      out.write(BYTES8_TEXT | end);
      out.write(n);
    } else if (n <= 0xFFFF) {
      out.write(BYTES16_TEXT | end);
      out.writeInt16(n);
    } else {
      out.write(BYTES32_TEXT | end);
      out.writeInt32(n);
    }
    out.writeBytes(bytes);
    return true;
  }

  private void writeChars(String s, int end) throws XMLStreamException {
    int utf8 = BinaryOutput.utf8Length(s);
    long utf16 = 2L * s.length();
    if (utf16 < utf8) {
      // Mostly CJK and similar: two bytes a char beat UTF-8's three.
      if (utf16 <= 0xFF) {
        out.write(UNICODE_CHARS8_TEXT | end);
        out.write((int) utf16);
      } else if (utf16 <= 0xFFFF) {
        out.write(UNICODE_CHARS16_TEXT | end);
        out.writeInt16((int) utf16);
      } else {
        out.write(UNICODE_CHARS32_TEXT | end);
        out.writeInt32((int) utf16); // 4-byte length: see TextRecordReader
      }
      out.writeUtf16(s);
      return;
    }
    if (utf8 <= 0xFF) {
      out.write(CHARS8_TEXT | end);
      out.write(utf8);
    } else if (utf8 <= 0xFFFF) {
      out.write(CHARS16_TEXT | end);
      out.writeInt16(utf8);
    } else {
      out.write(CHARS32_TEXT | end);
      out.writeInt32(utf8);
    }
    out.writeUtf8(s, utf8);
  }
}
