package org.netduplex.core.internal;

/** Minimal XML text escaping for the few values the engine writes by hand (addresses, ids, fault text). */
public final class Xml {
  private Xml() {}

  /** Escapes {@code s} for element content or a double-quoted attribute value. */
  public static String escape(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String replacement = switch (c) {
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '&' -> "&amp;";
        case '"' -> "&quot;";
        default -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ? "" : null;
      };
      if (replacement != null) {
        if (out == null) {
          out = new StringBuilder(s.length() + 16).append(s, 0, i);
        }
        out.append(replacement);
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }
}
