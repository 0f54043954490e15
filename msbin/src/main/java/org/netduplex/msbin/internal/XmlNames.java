package org.netduplex.msbin.internal;

/** Checks that names read from the wire can be written back as XML names. */
public final class XmlNames {
  private XmlNames() {}

  /**
   * True for a non-colonized XML name. ASCII is checked exactly; other characters are allowed as
   * XML 1.0 fifth edition allows nearly all of them in names.
   */
  public static boolean isNcName(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok;
      if (c < 0x80) {
        ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
            || i > 0 && (c >= '0' && c <= '9' || c == '-' || c == '.');
      } else {
        ok = c != 0xD7 && c != 0xF7 && c < 0xFFFE && !(c >= 0x2000 && c <= 0x200B);
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
