package org.netduplex.msbin.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import javax.xml.stream.XMLStreamException;

/** Little-endian writes into a buffer that drains to an output stream. */
public final class BinaryOutput {
  private static final int DRAIN_AT = 16 * 1024;

  private final OutputStream out;
  private byte[] buf = new byte[1024];
  private int size;

  public BinaryOutput(OutputStream out) {
    this.out = out;
  }

  public void write(int b) throws XMLStreamException {
    ensure(1);
    buf[size++] = (byte) b;
  }

  public void writeInt16(int v) throws XMLStreamException {
    ensure(2);
    buf[size++] = (byte) v;
    buf[size++] = (byte) (v >> 8);
  }

  public void writeInt32(int v) throws XMLStreamException {
    ensure(4);
    buf[size++] = (byte) v;
    buf[size++] = (byte) (v >> 8);
    buf[size++] = (byte) (v >> 16);
    buf[size++] = (byte) (v >> 24);
  }

  public void writeInt64(long v) throws XMLStreamException {
    writeInt32((int) v);
    writeInt32((int) (v >>> 32));
  }

  /** MultiByteInt31 ([MC-NBFX] 2.1.2). */
  public void writeMultiByteInt31(int v) throws XMLStreamException {
    if (v < 0) {
      throw new XMLStreamException("MultiByteInt31 cannot hold " + v);
    }
    ensure(5);
    while (v >= 0x80) {
      buf[size++] = (byte) (v | 0x80);
      v >>>= 7;
    }
    buf[size++] = (byte) v;
  }

  public void writeBytes(byte[] bytes) throws XMLStreamException {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, size, bytes.length);
    size += bytes.length;
  }

  /** A String structure ([MC-NBFX] 2.1.3): MultiByteInt31 byte length, then UTF-8. */
  public void writeString(CharSequence s) throws XMLStreamException {
    int length = utf8Length(s);
    writeMultiByteInt31(length);
    writeUtf8(s, length);
  }

  /** The UTF-8 bytes of {@code s}, whose UTF-8 length the caller computed. */
  public void writeUtf8(CharSequence s, int utf8Length) throws XMLStreamException {
    ensure(utf8Length);
    byte[] b = buf;
    int p = size;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        b[p++] = (byte) c;
      } else if (c < 0x800) {
        b[p++] = (byte) (0xC0 | c >> 6);
        b[p++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isHighSurrogate(c)) {
        int cp = Character.toCodePoint(c, s.charAt(++i)); // utf8Length checked the pair
        b[p++] = (byte) (0xF0 | cp >> 18);
        b[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
        b[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
        b[p++] = (byte) (0x80 | cp & 0x3F);
      } else {
        b[p++] = (byte) (0xE0 | c >> 12);
        b[p++] = (byte) (0x80 | c >> 6 & 0x3F);
        b[p++] = (byte) (0x80 | c & 0x3F);
      }
    }
    size = p;
  }

  /** The UTF-16LE bytes of {@code s}. */
  public void writeUtf16(CharSequence s) throws XMLStreamException {
    ensure(2 * s.length());
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      buf[size++] = (byte) c;
      buf[size++] = (byte) (c >> 8);
    }
  }

  /** UTF-8 length of {@code s}; a lone surrogate has no UTF-8 form and is an error. */
  public static int utf8Length(CharSequence s) throws XMLStreamException {
    int n = s.length();
    long length = n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        continue;
      }
      if (c < 0x800) {
        length += 1;
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          length += 2; // 2 chars become 4 bytes
          i++;
        } else {
          throw new XMLStreamException("text holds a lone surrogate U+" + Integer.toHexString(c).toUpperCase());
        }
      } else {
        length += 2;
      }
    }
    if (length > Integer.MAX_VALUE) {
      throw new XMLStreamException("text longer than 2 GiB in UTF-8");
    }
    return (int) length;
  }

  /** Hands buffered bytes to the stream. */
  public void drain() throws XMLStreamException {
    if (size == 0) {
      return;
    }
    try {
      out.write(buf, 0, size);
      size = 0;
    } catch (IOException e) {
      throw new XMLStreamException("cannot write the message", e);
    }
  }

  /** Drains and flushes the stream. */
  public void flush() throws XMLStreamException {
    drain();
    try {
      out.flush();
    } catch (IOException e) {
      throw new XMLStreamException("cannot flush the message", e);
    }
  }

  private void ensure(int n) throws XMLStreamException {
    if (size + n <= buf.length) {
      return;
    }
    if (size >= DRAIN_AT) {
      drain();
      if (n <= buf.length) {
        return;
      }
    }
    buf = Arrays.copyOf(buf, Math.max(size + n, Math.min(buf.length * 2, DRAIN_AT * 2)));
  }
}
