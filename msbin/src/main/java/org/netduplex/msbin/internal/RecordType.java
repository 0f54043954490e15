package org.netduplex.msbin.internal;

/**
 * Record type bytes of [MC-NBFX] section 2.1.1, and the ranges that group them. Names that StAX
 * also uses (END_ELEMENT, COMMENT, ATTRIBUTE) carry a suffix so a static import cannot mix them up.
 */
public final class RecordType {
  public static final int END_ELEMENT_RECORD = 0x01;
  public static final int COMMENT_RECORD = 0x02;
  public static final int ARRAY_RECORD = 0x03;

  public static final int SHORT_ATTRIBUTE = 0x04;
  public static final int PREFIXED_ATTRIBUTE = 0x05;
  public static final int SHORT_DICTIONARY_ATTRIBUTE = 0x06;
  public static final int DICTIONARY_ATTRIBUTE = 0x07;
  public static final int SHORT_XMLNS_ATTRIBUTE = 0x08;
  public static final int XMLNS_ATTRIBUTE = 0x09;
  public static final int SHORT_DICTIONARY_XMLNS_ATTRIBUTE = 0x0A;
  public static final int DICTIONARY_XMLNS_ATTRIBUTE = 0x0B;
  /** PrefixDictionaryAttributeA; B..Z follow. */
  public static final int PREFIX_DICTIONARY_ATTRIBUTE_A = 0x0C;
  /** PrefixAttributeA; B..Z follow. */
  public static final int PREFIX_ATTRIBUTE_A = 0x26;
  public static final int LAST_ATTRIBUTE = 0x3F;

  public static final int SHORT_ELEMENT = 0x40;
  public static final int ELEMENT = 0x41;
  public static final int SHORT_DICTIONARY_ELEMENT = 0x42;
  public static final int DICTIONARY_ELEMENT = 0x43;
  /** PrefixDictionaryElementA; B..Z follow. */
  public static final int PREFIX_DICTIONARY_ELEMENT_A = 0x44;
  /** PrefixElementA; B..Z follow. */
  public static final int PREFIX_ELEMENT_A = 0x5E;
  public static final int LAST_ELEMENT = 0x77;

  // Text records: even values; value + 1 is the same text followed by an end element.
  public static final int ZERO_TEXT = 0x80;
  public static final int ONE_TEXT = 0x82;
  public static final int FALSE_TEXT = 0x84;
  public static final int TRUE_TEXT = 0x86;
  public static final int INT8_TEXT = 0x88;
  public static final int INT16_TEXT = 0x8A;
  public static final int INT32_TEXT = 0x8C;
  public static final int INT64_TEXT = 0x8E;
  public static final int FLOAT_TEXT = 0x90;
  public static final int DOUBLE_TEXT = 0x92;
  public static final int DECIMAL_TEXT = 0x94;
  public static final int DATETIME_TEXT = 0x96;
  public static final int CHARS8_TEXT = 0x98;
  public static final int CHARS16_TEXT = 0x9A;
  public static final int CHARS32_TEXT = 0x9C;
  public static final int BYTES8_TEXT = 0x9E;
  public static final int BYTES16_TEXT = 0xA0;
  public static final int BYTES32_TEXT = 0xA2;
  public static final int START_LIST_TEXT = 0xA4;
  public static final int END_LIST_TEXT = 0xA6;
  public static final int EMPTY_TEXT = 0xA8;
  public static final int DICTIONARY_TEXT = 0xAA;
  public static final int UNIQUE_ID_TEXT = 0xAC;
  public static final int TIMESPAN_TEXT = 0xAE;
  public static final int UUID_TEXT = 0xB0;
  public static final int UINT64_TEXT = 0xB2;
  public static final int BOOL_TEXT = 0xB4;
  public static final int UNICODE_CHARS8_TEXT = 0xB6;
  public static final int UNICODE_CHARS16_TEXT = 0xB8;
  public static final int UNICODE_CHARS32_TEXT = 0xBA;
  public static final int QNAME_DICTIONARY_TEXT = 0xBC;
  public static final int FIRST_TEXT = 0x80;
  public static final int LAST_TEXT = 0xBD;

  private RecordType() {}

  public static boolean isAttribute(int type) {
    return type >= SHORT_ATTRIBUTE && type <= LAST_ATTRIBUTE;
  }

  public static boolean isElement(int type) {
    return type >= SHORT_ELEMENT && type <= LAST_ELEMENT;
  }

  /** A defined text record (the reserved 0xA5 and 0xA7 are not). */
  public static boolean isText(int type) {
    return type >= FIRST_TEXT && type <= LAST_TEXT && type != 0xA5 && type != 0xA7;
  }

  /** The odd-numbered twin: this text, then an EndElement ([MC-NBFX] 2.2.3.31). */
  public static boolean endsElement(int textType) {
    return (textType & 1) == 1;
  }

  /** Record name for error messages, e.g. {@code 0x99 (Chars8TextWithEndElement)}. */
  public static String describe(int type) {
    return String.format("0x%02X", type);
  }
}
