package org.netduplex.msbin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.netduplex.msbin.MsbinFormatException;

/**
 * Little-endian reads over a byte array or a buffered stream, counting the offset for error
 * messages. Every declared length is checked against the limits (and, over an array, against the
 * bytes left) before a byte is allocated for it, and a stream run out mid-record is an error.
 */
public final class BinaryInput {
  private static final int CHUNK = 8192;

  private final InputStream in; // null when the whole message is in buf
  private byte[] buf;
  private int pos;
  private int end;
  private long consumedBefore; // bytes that left buf before buf[0]
  private final long maxTotalBytes;
  private final int maxStringBytes;
  private CharsetDecoder utf8;
  private CharsetDecoder utf16;

  public BinaryInput(InputStream in, long maxTotalBytes, int maxStringBytes) {
    this.in = in;
    this.buf = new byte[CHUNK];
    this.maxTotalBytes = maxTotalBytes;
    this.maxStringBytes = maxStringBytes;
  }

  public BinaryInput(byte[] data, int off, int len, long maxTotalBytes, int maxStringBytes)
      throws MsbinFormatException {
    this.in = null;
    this.buf = data;
    this.pos = off;
    this.end = off + len;
    this.consumedBefore = -off;
    this.maxTotalBytes = maxTotalBytes;
    this.maxStringBytes = maxStringBytes;
    if (len > maxTotalBytes) {
      throw new MsbinFormatException("message of " + len + " bytes exceeds the limit of " + maxTotalBytes, 0);
    }
  }

  /** Offset of the next byte from the start of the message. */
  public long offset() {
    return consumedBefore + pos;
  }

  public MsbinFormatException error(String message) {
    return new MsbinFormatException(message, offset());
  }

  /** The next byte without consuming it, or -1 at the end of the message. */
  public int peek() throws MsbinFormatException {
    if (pos == end && !fill()) {
      return -1;
    }
    return buf[pos] & 0xFF;
  }

  /** The next byte, or -1 at the end of the message. */
  public int readOrEnd() throws MsbinFormatException {
    if (pos == end && !fill()) {
      return -1;
    }
    return buf[pos++] & 0xFF;
  }

  public int readUInt8(String what) throws MsbinFormatException {
    if (pos == end && !fill()) {
      throw truncated(what);
    }
    return buf[pos++] & 0xFF;
  }

  public int readInt16(String what) throws MsbinFormatException {
    ensure(2, what);
    int v = (buf[pos] & 0xFF) | (buf[pos + 1] << 8);
    pos += 2;
    return (short) v;
  }

  public int readUInt16(String what) throws MsbinFormatException {
    return readInt16(what) & 0xFFFF;
  }

  public int readInt32(String what) throws MsbinFormatException {
    ensure(4, what);
    int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16 | buf[pos + 3] << 24;
    pos += 4;
    return v;
  }

  public long readInt64(String what) throws MsbinFormatException {
    long lo = readInt32(what) & 0xFFFFFFFFL;
    long hi = readInt32(what);
    return hi << 32 | lo;
  }

  /** MultiByteInt31 of [MC-NBFX] 2.1.2: 7 bits a byte, low bits first, high bit set on all but the last. */
  public int readMultiByteInt31(String what) throws MsbinFormatException {
    long start = offset();
    int value = 0;
    for (int i = 0; i < 5; i++) {
      int b = readUInt8(what);
      if (i == 4 && b > 0x07) {
        throw new MsbinFormatException("MultiByteInt31 " + what + " does not fit in 31 bits", start);
      }
      value |= (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new MsbinFormatException("MultiByteInt31 " + what + " longer than 5 bytes", start);
  }

  /** A String structure ([MC-NBFX] 2.1.3): MultiByteInt31 byte length, then UTF-8. */
  public String readString(String what) throws MsbinFormatException {
    return readUtf8(readMultiByteInt31(what + " length"), what);
  }

  public String readUtf8(long length, String what) throws MsbinFormatException {
    checkLength(length, what);
    int n = (int) length;
    if (n == 0) {
      return "";
    }
    if (n <= end - pos || n <= CHUNK && ensureQuietly(n)) {
      String s = decodeUtf8(buf, pos, n, what);
      pos += n;
      return s;
    }
    byte[] bytes = readBytes(n, what);
    return decodeUtf8(bytes, 0, n, what);
  }

  public String readUtf16(long length, String what) throws MsbinFormatException {
    checkLength(length, what);
    if ((length & 1) != 0) {
      throw error(what + " has an odd UTF-16 byte length " + length);
    }
    byte[] bytes = readBytes((int) length, what);
    if (utf16 == null) {
      utf16 = StandardCharsets.UTF_16LE.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
    try {
      return checkXmlChars(utf16.decode(ByteBuffer.wrap(bytes)).toString(), what);
    } catch (CharacterCodingException e) {
      throw error(what + " is not well-formed UTF-16");
    }
  }

  /** Reads {@code length} bytes; memory grows only as bytes really arrive. */
  public byte[] readBytes(long length, String what) throws MsbinFormatException {
    checkLength(length, what);
    int n = (int) length;
    byte[] out = new byte[Math.min(n, Math.max(end - pos, CHUNK))];
    int filled = 0;
    while (filled < n) {
      if (pos == end && !fill()) {
        throw truncated(what);
      }
      int take = Math.min(n - filled, end - pos);
      if (filled + take > out.length) {
        out = Arrays.copyOf(out, (int) Math.min(n, Math.max(filled + take, 2L * out.length)));
      }
      System.arraycopy(buf, pos, out, filled, take);
      pos += take;
      filled += take;
    }
    return out;
  }

  /** Fails unless {@code count} items of {@code size} bytes could still fit in the message. */
  public void checkRemaining(long count, int size, String what) throws MsbinFormatException {
    long bytes = count * size;
    if (offset() + bytes > maxTotalBytes) {
      throw error(what + " declares " + bytes + " bytes, past the message limit of " + maxTotalBytes);
    }
    if (in == null && bytes > end - pos) {
      throw error(what + " declares " + bytes + " bytes but only " + (end - pos) + " remain");
    }
  }

  private void checkLength(long length, String what) throws MsbinFormatException {
    if (length < 0) {
      throw error(what + " has a negative length " + length);
    }
    if (length > maxStringBytes) {
      throw error(what + " of " + length + " bytes exceeds the limit of " + maxStringBytes);
    }
    checkRemaining(length, 1, what);
  }

  private String decodeUtf8(byte[] bytes, int off, int n, String what) throws MsbinFormatException {
    boolean ascii = true;
    for (int i = off, stop = off + n; i < stop; i++) {
      if (bytes[i] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      for (int i = off, stop = off + n; i < stop; i++) {
        if (bytes[i] < 0x20 && bytes[i] != 0x9 && bytes[i] != 0xA && bytes[i] != 0xD) {
          throw notXmlChar(bytes[i], what);
        }
      }
      return new String(bytes, off, n, StandardCharsets.ISO_8859_1);
    }
    if (utf8 == null) {
      utf8 = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
    try {
      CharBuffer chars = utf8.decode(ByteBuffer.wrap(bytes, off, n));
      return checkXmlChars(chars.toString(), what);
    } catch (CharacterCodingException e) {
      throw error(what + " is not well-formed UTF-8");
    }
  }

  /**
   * Refuses characters XML 1.0 does not allow (section 2.2: only #x9, #xA, #xD, #x20-#xD7FF,
   * #xE000-#xFFFD and #x10000-#x10FFFF), as a text parser does: a decoded string goes on into
   * JAXB and callback bodies that text clients must be able to parse.
   */
  private String checkXmlChars(String s, String what) throws MsbinFormatException {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 ? c != 0x9 && c != 0xA && c != 0xD : c == 0xFFFE || c == 0xFFFF) {
        throw notXmlChar(c, what);
      }
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          throw error(what + " holds a lone surrogate U+" + hex(c) + ", which XML 1.0 does not allow");
        }
      }
    }
    return s;
  }

  private MsbinFormatException notXmlChar(int c, String what) {
    return error(what + " holds the character U+" + hex(c) + ", which XML 1.0 does not allow");
  }

  private static String hex(int c) {
    return String.format("%04X", c & 0xFFFF);
  }

  private void ensure(int n, String what) throws MsbinFormatException {
    if (!ensureQuietly(n)) {
      throw truncated(what);
    }
  }

  /** Makes {@code n <= CHUNK} bytes contiguous in the buffer; false if the message ends first. */
  private boolean ensureQuietly(int n) throws MsbinFormatException {
    while (end - pos < n) {
      if (in == null) {
        return false;
      }
      if (pos > 0) {
        compact();
      }
      if (!readMore()) {
        return false;
      }
    }
    return true;
  }

  private boolean fill() throws MsbinFormatException {
    if (in == null) {
      return false;
    }
    compact();
    return readMore();
  }

  private void compact() {
    int left = end - pos;
    System.arraycopy(buf, pos, buf, 0, left);
    consumedBefore += pos;
    pos = 0;
    end = left;
  }

  private boolean readMore() throws MsbinFormatException {
    try {
      int n = in.read(buf, end, buf.length - end);
      if (n <= 0) {
        return false;
      }
      end += n;
      if (consumedBefore + end > maxTotalBytes) {
        throw new MsbinFormatException("message exceeds the limit of " + maxTotalBytes + " bytes", maxTotalBytes);
      }
      return true;
    } catch (IOException e) {
      MsbinFormatException failure = new MsbinFormatException("cannot read the message: " + e, offset());
      failure.initCause(e);
      throw failure;
    }
  }

  private MsbinFormatException truncated(String what) {
    return error("message ends inside " + what);
  }
}
