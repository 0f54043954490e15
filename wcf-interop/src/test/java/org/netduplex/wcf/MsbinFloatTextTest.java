package org.netduplex.wcf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.netduplex.msbin.Msbin;
import org.netduplex.msbin.internal.RoundTripFormat;

/**
 * FloatText and DoubleText records read as text by WCF's XmlBinaryReader (reference source: XmlConverter.ToString,
 * .NET "R" as Mono's NumberFormatter implements it) and by ours, over edge cases and seeded random values.
 */
class MsbinFloatTextTest {
  private static final int RANDOM = 6_000;

  @Test
  void floatTextReadsAsWcfReadsIt() throws Exception {
    Set<Integer> bits = new LinkedHashSet<>();
    for (float f : floatEdges()) {
      bits.add(Float.floatToRawIntBits(f));
    }
    Random random = new Random(20261201);
    for (int i = 0; i < RANDOM; i++) {
      bits.add(random.nextInt());                                   // any bit pattern, NaN payloads included
      bits.add(Float.floatToRawIntBits(Float.parseFloat(shortDecimal(random, 9))));
    }
    List<byte[]> documents = new ArrayList<>();
    for (int b : bits) {
      documents.add(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
          .put(new byte[] {0x40, 0x01, 'v', (byte) 0x91}).putInt(b).array());
    }
    assertSameText(documents, "float");
  }

  @Test
  void doubleTextReadsAsWcfReadsIt() throws Exception {
    Set<Long> bits = new LinkedHashSet<>();
    for (double d : doubleEdges()) {
      bits.add(Double.doubleToRawLongBits(d));
    }
    Random random = new Random(20261202);
    for (int i = 0; i < RANDOM; i++) {
      bits.add(random.nextLong());
      bits.add(Double.doubleToRawLongBits(Double.parseDouble(shortDecimal(random, 17))));
      // k / 2^n: exact decimals of 16-19 digits, where rounding to 15 or 17 digits meets exact ties
      bits.add(Double.doubleToRawLongBits((random.nextInt(1 << 20) | 1) / (double) (1L << (10 + random.nextInt(40)))));
    }
    List<byte[]> documents = new ArrayList<>();
    for (long b : bits) {
      documents.add(ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN)
          .put(new byte[] {0x40, 0x01, 'v', (byte) 0x93}).putLong(b).array());
    }
    assertSameText(documents, "double");
  }

  /**
   * Floats must read identically. Doubles may differ only where .NET's digits-to-double conversion, which is not
   * correctly rounded, decides the 15-digit form differently from ours (RoundTripFormat): WCF's text must then be
   * our 15- or 17-digit form of the same value, and such values stay under 1%.
   */
  private static void assertSameText(List<byte[]> documents, String what) throws Exception {
    List<String> wcf = MsbinPeer.read(documents, false);
    assertEquals(documents.size(), wcf.size());
    List<String> wrong = new ArrayList<>();
    int otherChoice = 0;
    for (int i = 0; i < documents.size(); i++) {
      String ours = Canonical.of(Msbin.reader(documents.get(i)));
      if (ours.equals(wcf.get(i))) {
        continue;
      }
      if (what.equals("double") && isOtherPrecision(documents.get(i), wcf.get(i))) {
        otherChoice++;
      } else {
        wrong.add(hex(documents.get(i)) + ": WCF " + wcf.get(i).replace('\n', ' ') + " ours " + ours.replace('\n', ' '));
      }
    }
    assertTrue(wrong.isEmpty(), wrong.size() + " of " + documents.size() + " " + what + " values differ:\n"
        + String.join("\n", wrong.subList(0, Math.min(40, wrong.size()))));
    assertTrue(otherChoice * 100 < documents.size(), otherChoice + " of " + documents.size()
        + " doubles where WCF chose the other precision");
    System.out.printf("%s: %d values, %d identical, %d where .NET's parse chose the other precision%n",
        what, documents.size(), documents.size() - otherChoice, otherChoice);
  }

  private static boolean isOtherPrecision(byte[] document, String wcfCanonical) {
    double d = ByteBuffer.wrap(document, 4, 8).order(ByteOrder.LITTLE_ENDIAN).getDouble();
    return wcfCanonical.equals(element(RoundTripFormat.general(d, 15)))
        || wcfCanonical.equals(element(RoundTripFormat.general(d, 17)));
  }

  private static String element(String text) {
    return "SE\t\t\tv\nT\t" + text + "\nEE\n";
  }

  /** A decimal of 1..maxDigits significant digits with an exponent from -50 to 50: the values people write. */
  private static String shortDecimal(Random random, int maxDigits) {
    int digits = 1 + random.nextInt(maxDigits);
    StringBuilder s = new StringBuilder(random.nextBoolean() ? "-" : "");
    s.append(1 + random.nextInt(9));
    for (int i = 1; i < digits; i++) {
      s.append(random.nextInt(10));
    }
    return s.append('E').append(random.nextInt(101) - 50).toString();
  }

  static List<Float> floatEdges() {
    List<Float> v = new ArrayList<>(List.of(0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, Float.MIN_NORMAL, Math.nextDown(Float.MIN_NORMAL),
        Math.ulp(1f), 0.1f, 0.2f, 0.3f, 1f / 3, 2f / 3, (float) Math.PI, (float) Math.E, 16777216f, 16777217f,
        1234567.5f, 1234568.5f, 8388607.5f, 1.17549435E-38f, 3.4028235E38f, 1.4E-45f, 2.8E-45f, 1e-44f));
    for (int e = -45; e <= 38; e++) {
      float p = Float.parseFloat("1E" + e);
      v.addAll(List.of(p, Math.nextUp(p), Math.nextDown(p), -p, 1.5f * p, 9.999999f * p, 1.2345678f * p));
    }
    for (int i = 1; i < 1 << 24; i = i * 3 + 1) {
      v.add((float) i);
      v.add(Float.intBitsToFloat(i)); // subnormals
    }
    return v;
  }

  static List<Double> doubleEdges() {
    List<Double> v = new ArrayList<>(List.of(0d, -0d, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL),
        Math.ulp(1d), 0.1, 0.2, 0.3, 0.1 + 0.2, 1d / 3, 2d / 3, Math.PI, Math.E, 9007199254740992d,
        9007199254740993d, 123456789012345.5, 123456789012344.5, 26215 / 262144d, 4.9E-324, 1e23, 5e-324 * 3,
        (double) Float.MAX_VALUE, (double) 0.1f, 256.7, 256.02));
    for (int e = -323; e <= 308; e++) {
      double p = Double.parseDouble("1E" + e);
      v.addAll(List.of(p, Math.nextUp(p), Math.nextDown(p), -p, 1.5 * p, 9.99999999999999 * p, 1.2345678901234567 * p));
    }
    for (long i = 1; i < 1L << 53; i = i * 3 + 1) {
      v.add((double) i);
      v.add(Double.longBitsToDouble(i)); // subnormals
    }
    return v;
  }

  private static String hex(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (byte x : b) {
      s.append(String.format("%02X", x));
    }
    return s.toString();
  }
}
