package org.netduplex.msbin.internal;

import static org.netduplex.msbin.internal.RecordType.*;

import org.netduplex.msbin.MsbinFormatException;

/** Reads the payload of a text record ([MC-NBFX] 2.2.3) and appends the characters it stands for. */
public final class TextRecordReader {
  private final BinaryInput in;
  private final StringDictionary dictionary;
  private final int maxChars;

  public TextRecordReader(BinaryInput in, StringDictionary dictionary, int maxChars) {
    this.in = in;
    this.dictionary = dictionary;
    this.maxChars = maxChars;
  }

  /**
   * Appends the text of the record whose type byte was just read. A StartListText record reads the
   * whole list up to its EndListText, items separated by one space ([MC-NBFX] 2.2.3.19).
   */
  public void read(int type, StringBuilder out) throws MsbinFormatException {
    int before = out.length();
    if ((type & ~1) == START_LIST_TEXT) {
      if (type != START_LIST_TEXT) {
        throw in.error("reserved record type " + describe(type));
      }
      readList(out);
    } else {
      readSingle(type & ~1, out);
    }
    if (out.length() - before > maxChars) {
      throw in.error("text of " + (out.length() - before) + " characters exceeds the limit of " + maxChars);
    }
  }

  private void readList(StringBuilder out) throws MsbinFormatException {
    boolean first = true;
    while (true) {
      int item = in.readUInt8("list of text records");
      if (item == END_LIST_TEXT) {
        return;
      }
      if (!isText(item) || endsElement(item) || item == START_LIST_TEXT) {
        throw in.error("record " + describe(item) + " inside a text list");
      }
      if (!first) {
        out.append(' ');
      }
      first = false;
      read(item, out);
    }
  }

  private void readSingle(int type, StringBuilder out) throws MsbinFormatException {
    switch (type) {
      case ZERO_TEXT -> out.append('0');
      case ONE_TEXT -> out.append('1');
      case FALSE_TEXT -> out.append("false");
      case TRUE_TEXT -> out.append("true");
      case INT8_TEXT -> out.append((byte) in.readUInt8("Int8Text"));
      case INT16_TEXT -> out.append(in.readInt16("Int16Text"));
      case INT32_TEXT -> out.append(in.readInt32("Int32Text"));
      case INT64_TEXT -> out.append(in.readInt64("Int64Text"));
      case UINT64_TEXT -> out.append(Long.toUnsignedString(in.readInt64("UInt64Text")));
      case FLOAT_TEXT -> out.append(TextValues.formatFloat(Float.intBitsToFloat(in.readInt32("FloatText"))));
      case DOUBLE_TEXT -> out.append(TextValues.formatDouble(Double.longBitsToDouble(in.readInt64("DoubleText"))));
      case DECIMAL_TEXT -> out.append(decimal());
      case DATETIME_TEXT -> out.append(dateTime());
      case TIMESPAN_TEXT -> out.append(TextValues.formatTimeSpan(in.readInt64("TimeSpanText")));
      case CHARS8_TEXT -> out.append(in.readUtf8(in.readUInt8("Chars8Text length"), "Chars8Text"));
      case CHARS16_TEXT -> out.append(in.readUtf8(in.readUInt16("Chars16Text length"), "Chars16Text"));
      case CHARS32_TEXT -> out.append(in.readUtf8(in.readInt32("Chars32Text length"), "Chars32Text"));
      case UNICODE_CHARS8_TEXT -> out.append(in.readUtf16(in.readUInt8("UnicodeChars8Text length"), "UnicodeChars8Text"));
      case UNICODE_CHARS16_TEXT ->
          out.append(in.readUtf16(in.readUInt16("UnicodeChars16Text length"), "UnicodeChars16Text"));
      case UNICODE_CHARS32_TEXT ->
          // A 4-byte length, as the specification's example (and .NET) has it, not the MultiByteInt31
          // its field description in 2.2.3.29 names.
          out.append(in.readUtf16(in.readInt32("UnicodeChars32Text length"), "UnicodeChars32Text"));
      case BYTES8_TEXT -> out.append(TextValues.base64(in.readBytes(in.readUInt8("Bytes8Text length"), "Bytes8Text")));
      case BYTES16_TEXT ->
          out.append(TextValues.base64(in.readBytes(in.readUInt16("Bytes16Text length"), "Bytes16Text")));
      case BYTES32_TEXT -> out.append(TextValues.base64(in.readBytes(in.readInt32("Bytes32Text length"), "Bytes32Text")));
      case EMPTY_TEXT -> { }
      case DICTIONARY_TEXT -> out.append(dictionaryString("DictionaryText"));
      case UNIQUE_ID_TEXT -> out.append("urn:uuid:").append(TextValues.formatUuid(in.readBytes(16, "UniqueIdText")));
      case UUID_TEXT -> out.append(TextValues.formatUuid(in.readBytes(16, "UuidText")));
      case BOOL_TEXT -> {
        int value = in.readUInt8("BoolText");
        if (value > 1) {
          throw in.error("BoolText value " + value + " is neither 0 nor 1");
        }
        out.append(value == 1 ? "true" : "false");
      }
      case QNAME_DICTIONARY_TEXT -> {
        int prefix = in.readUInt8("QNameDictionaryText prefix");
        if (prefix > 25) {
          throw in.error("QNameDictionaryText prefix " + prefix + " is not a letter a-z");
        }
        out.append((char) ('a' + prefix)).append(':').append(dictionaryString("QNameDictionaryText"));
      }
      default -> throw in.error("unknown text record type " + describe(type));
    }
  }

  /** Resolves a DictionaryString; an id the dictionary lacks (e.g. an [MC-NBFSE] odd id) is an error. */
  public String dictionaryString(String what) throws MsbinFormatException {
    long at = in.offset();
    int id = in.readMultiByteInt31(what + " dictionary id");
    String value = dictionary.lookup(id);
    if (value == null) {
      throw new MsbinFormatException(
          what + " refers to dictionary string " + id + ", which "
              + ((id & 1) == 1 ? "needs an [MC-NBFSE] session dictionary (msbinsession1)" : "is not defined"),
          at);
    }
    return value;
  }

  private String decimal() throws MsbinFormatException {
    long at = in.offset();
    try {
      return TextValues.formatDecimal(in.readBytes(16, "DecimalText"));
    } catch (IllegalArgumentException e) {
      throw new MsbinFormatException("invalid " + e.getMessage(), at);
    }
  }

  private String dateTime() throws MsbinFormatException {
    long at = in.offset();
    try {
      return TextValues.formatDateTime(in.readInt64("DateTimeText"));
    } catch (IllegalArgumentException e) {
      throw new MsbinFormatException("invalid " + e.getMessage(), at);
    }
  }

  private static String describe(int type) {
    return RecordType.describe(type);
  }
}
