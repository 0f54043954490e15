package org.netduplex.core.internal;

/** Joins byte arrays in one exact-size copy, for envelopes written from fixed pieces. */
public final class Bytes {
  private Bytes() {}

  /** {@code pieces} one after another, in a new array of exactly their total length. */
  public static byte[] concat(byte[]... pieces) {
    int length = 0;
    for (byte[] p : pieces) {
      length += p.length;
    }
    byte[] out = new byte[length];
    int at = 0;
    for (byte[] p : pieces) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
