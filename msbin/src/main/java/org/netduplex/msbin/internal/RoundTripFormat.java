package org.netduplex.msbin.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The text .NET Framework's "R" format gives a float or double, which is what WCF's binary reader reports for
 * FloatText and DoubleText records (XmlConverter.ToString): the value at 7 (float) or 15 (double) significant
 * digits if those digits read back as the same value, else at 9 or 17 digits; "INF", "-INF", "NaN" and "-0" as
 * XmlConverter spells them.
 *
 * <p>Digits are the exact binary value rounded half away from zero, as .NET rounds them. "Read back" is a
 * correctly rounded parse here; .NET's own parse is not correctly rounded, so for a few doubles (0.4% of random bit
 * patterns, mostly subnormal or with large exponents) .NET keeps 15 digits where we print 17 or the reverse. The
 * digits printed are the same either way (msbin/README.md, "Floats and doubles").
 */
public final class RoundTripFormat {
  private RoundTripFormat() {}

  public static String formatDouble(double d) {
    String special = special(d);
    if (special != null) {
      return special;
    }
    String g15 = general(d, 15);
    return Double.parseDouble(g15) == d ? g15 : general(d, 17);
  }

  public static String formatFloat(float f) {
    String special = special(f);
    if (special != null) {
      return special;
    }
    String g7 = general(f, 7);
    return Float.parseFloat(g7) == f ? g7 : general(f, 9);
  }

  private static String special(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "INF" : "-INF";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0" : "0";
    }
    return null;
  }

  /**
   * .NET's "G<precision>": the exact value rounded to that many significant digits, trailing zeros dropped;
   * fixed-point when the decimal exponent is in (-5, precision), else {@code d.dddE+XX} with at least two
   * exponent digits ("Standard numeric format strings", the general format specifier).
   */
  public static String general(double value, int precision) {
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(precision, RoundingMode.HALF_UP));
    BigDecimal digitsOnly = rounded.stripTrailingZeros();
    String digits = digitsOnly.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - digitsOnly.scale();
    StringBuilder out = new StringBuilder(digits.length() + 8);
    if (value < 0) {
      out.append('-');
    }
    if (exponent > -5 && exponent < precision) {
      return out.append(digitsOnly.abs().toPlainString()).toString();
    }
    out.append(digits.charAt(0));
    if (digits.length() > 1) {
      out.append('.').append(digits, 1, digits.length());
    }
    int magnitude = Math.abs(exponent);
    out.append('E').append(exponent < 0 ? '-' : '+');
    if (magnitude < 10) {
      out.append('0');
    }
    return out.append(magnitude).toString();
  }
}
