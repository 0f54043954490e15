package org.netduplex.msbin.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * The characters typed text records stand for ([MC-NBFX] 2.2.3), and the reverse parses the encoder
 * uses to decide whether a string can travel typed and come back exactly the same.
 */
public final class TextValues {
  /** .NET ticks (100 ns) from 0001-01-01T00:00 to 1970-01-01T00:00. */
  static final long TICKS_AT_UNIX_EPOCH = 621_355_968_000_000_000L;
  /** First tick after 9999-12-31T23:59:59.9999999 ([MC-NBFX] 2.2.3.12). */
  static final long MAX_DATETIME_TICKS = 3_155_378_976_000_000_000L;
  private static final long TICKS_PER_SECOND = 10_000_000L;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private TextValues() {}

  // ---- floating point: .NET Framework's "R", the text WCF's reader gives (RoundTripFormat) ----

  public static String formatDouble(double d) {
    return RoundTripFormat.formatDouble(d);
  }

  public static String formatFloat(float f) {
    return RoundTripFormat.formatFloat(f);
  }

  /** Parses what {@link #formatDouble} writes (and more); NaN when it is not a number at all. */
  static double parseFloating(String s) {
    switch (s) {
      case "INF":
        return Double.POSITIVE_INFINITY;
      case "-INF":
        return Double.NEGATIVE_INFINITY;
      case "NaN":
        return Double.NaN;
      default:
        break;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'E')) {
        return Double.NaN; // also refuses Java-only spellings such as "Infinity" or "0x1p3"
      }
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  // ---- decimal ([MS-OAUT] 2.2.26 DECIMAL) ----

  /** A 16-byte DECIMAL: reserved(2) scale(1) sign(1) hi32(4) lo64(8), all little-endian. */
  static String formatDecimal(byte[] b) throws IllegalArgumentException {
    int scale = b[2] & 0xFF;
    int sign = b[3] & 0xFF;
    if (scale > 28 || (sign != 0 && sign != 0x80)) {
      throw new IllegalArgumentException("DECIMAL with scale " + scale + " and sign byte " + sign);
    }
    byte[] magnitude = new byte[13]; // big-endian 96-bit magnitude with a zero sign byte in front
    for (int i = 0; i < 4; i++) {
      magnitude[1 + i] = b[7 - i];
    }
    for (int i = 0; i < 8; i++) {
      magnitude[5 + i] = b[15 - i];
    }
    BigDecimal value = new BigDecimal(new BigInteger(magnitude), scale);
    return (sign != 0 ? value.negate() : value).toPlainString();
  }

  // ---- DateTime ([MC-NBFX] 2.2.3.12) ----

  /**
   * The 62-bit tick count and 2-bit time zone kind as ISO 8601. The time is always written: the
   * specification's bare {@code yyyy-MM-dd} for midnight is not an xs:dateTime, and both its own
   * example and WCF write {@code T00:00:00}.
   */
  static String formatDateTime(long raw) {
    int kind = (int) (raw >>> 62);
    long ticks = raw & 0x3FFF_FFFF_FFFF_FFFFL;
    if (ticks >= MAX_DATETIME_TICKS || kind == 3) {
      throw new IllegalArgumentException("DateTime ticks " + ticks + " kind " + kind);
    }
    long unixTicks = ticks - TICKS_AT_UNIX_EPOCH;
    long seconds = Math.floorDiv(unixTicks, TICKS_PER_SECOND);
    long fraction = Math.floorMod(unixTicks, TICKS_PER_SECOND);
    LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    StringBuilder out = new StringBuilder(33);
    pad(out, t.getYear(), 4).append('-');
    pad(out, t.getMonthValue(), 2).append('-');
    pad(out, t.getDayOfMonth(), 2).append('T');
    pad(out, t.getHour(), 2).append(':');
    pad(out, t.getMinute(), 2).append(':');
    pad(out, t.getSecond(), 2);
    appendFraction(out, fraction);
    if (kind == 1) {
      out.append('Z');
    } else if (kind == 2) {
      // Local time: the offset of the zone decoding the document, per the specification.
      int offset = ZoneId.systemDefault().getRules().getOffset(t).getTotalSeconds() / 60;
      out.append(offset < 0 ? '-' : '+');
      pad(out, Math.abs(offset) / 60, 2).append(':');
      pad(out, Math.abs(offset) % 60, 2);
    }
    return out.toString();
  }

  /** The DateTime record value for {@code s} (kind 0, or 1 with a trailing Z), or -1 if none. */
  static long parseDateTime(String s) {
    int n = s.length();
    if (n < 19 || n > 28 || s.charAt(4) != '-' || s.charAt(10) != 'T') {
      return -1;
    }
    boolean utc = s.charAt(n - 1) == 'Z';
    try {
      LocalDateTime t = LocalDateTime.parse(utc ? s.substring(0, n - 1) : s);
      if (t.getYear() < 1) {
        return -1;
      }
      long ticks = t.toEpochSecond(ZoneOffset.UTC) * TICKS_PER_SECOND + t.getNano() / 100 + TICKS_AT_UNIX_EPOCH;
      return ticks | (utc ? 1L << 62 : 0);
    } catch (DateTimeParseException e) {
      return -1;
    }
  }

  // ---- TimeSpan ([MC-NBFX] 2.2.3.23) ----

  /**
   * A signed tick count as an xs:duration such as {@code PT3H20M} or {@code -PT5M44S}: the form of the
   * specification's examples and of WCF (XmlConvert), which JAXB reads as xs:duration.
   */
  static String formatTimeSpan(long ticks) {
    boolean negative = ticks < 0;
    long magnitude = negative ? -ticks : ticks; // Long.MIN_VALUE stays, read as unsigned below
    long totalSeconds = Long.divideUnsigned(magnitude, TICKS_PER_SECOND);
    long fraction = Long.remainderUnsigned(magnitude, TICKS_PER_SECOND);
    long days = totalSeconds / 86_400;
    long hours = totalSeconds / 3600 % 24;
    long minutes = totalSeconds / 60 % 60;
    long seconds = totalSeconds % 60;
    StringBuilder out = new StringBuilder(24);
    if (negative) {
      out.append('-');
    }
    out.append('P');
    if (days > 0) {
      out.append(days).append('D');
    }
    if (hours > 0 || minutes > 0 || seconds > 0 || fraction > 0) {
      out.append('T');
      if (hours > 0) {
        out.append(hours).append('H');
      }
      if (minutes > 0) {
        out.append(minutes).append('M');
      }
      if (seconds > 0 || fraction > 0) {
        out.append(seconds);
        appendFraction(out, fraction);
        out.append('S');
      }
    } else if (days == 0) {
      out.append("T0S");
    }
    return out.toString();
  }

  // ---- UUID ([MC-NBFX] 2.2.3.22 and 2.2.3.24) ----

  /** Data1, Data2 and Data3 little-endian, Data4 in order; lower-case hex. */
  static String formatUuid(byte[] b) {
    char[] out = new char[36];
    int o = 0;
    for (int i = 3; i >= 0; i--) {
      o = hex(out, o, b[i]);
    }
    out[o++] = '-';
    o = hex(out, o, b[5]);
    o = hex(out, o, b[4]);
    out[o++] = '-';
    o = hex(out, o, b[7]);
    o = hex(out, o, b[6]);
    out[o++] = '-';
    o = hex(out, o, b[8]);
    o = hex(out, o, b[9]);
    out[o++] = '-';
    for (int i = 10; i < 16; i++) {
      o = hex(out, o, b[i]);
    }
    return new String(out);
  }

  /** The 16 record bytes of a lower-case canonical UUID string at {@code from}, or null. */
  static byte[] parseUuid(String s, int from) {
    if (s.length() - from != 36) {
      return null;
    }
    int[] order = {3, 2, 1, 0, -1, 5, 4, -1, 7, 6, -1, 8, 9, -1, 10, 11, 12, 13, 14, 15};
    byte[] b = new byte[16];
    int p = from;
    for (int slot : order) {
      if (slot < 0) {
        if (s.charAt(p++) != '-') {
          return null;
        }
        continue;
      }
      int hi = lowerHex(s.charAt(p++));
      int lo = lowerHex(s.charAt(p++));
      if (hi < 0 || lo < 0) {
        return null;
      }
      b[slot] = (byte) (hi << 4 | lo);
    }
    return b;
  }

  // ---- base64 ([MC-NBFX] 2.2.3.16) ----

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** The bytes of {@code s} if it is canonical base64 that encodes back to exactly {@code s}, else null. */
  static byte[] parseCanonicalBase64(String s) {
    int n = s.length();
    if (n == 0 || n % 4 != 0) {
      return null;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      boolean alphabet = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/';
      if (!alphabet && !(c == '=' && i >= n - 2)) {
        return null;
      }
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(s);
      return base64(bytes).equals(s) ? bytes : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  // ---- helpers ----

  private static void appendFraction(StringBuilder out, long fraction) {
    if (fraction == 0) {
      return;
    }
    String digits = Long.toString(fraction + TICKS_PER_SECOND).substring(1); // 7 digits, zero-padded
    int last = digits.length();
    while (digits.charAt(last - 1) == '0') {
      last--;
    }
    out.append('.').append(digits, 0, last);
  }

  private static StringBuilder pad(StringBuilder out, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(digits);
  }

  private static int hex(char[] out, int o, byte b) {
    out[o] = HEX[(b >> 4) & 0xF];
    out[o + 1] = HEX[b & 0xF];
    return o + 2;
  }

  private static int lowerHex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }
}
