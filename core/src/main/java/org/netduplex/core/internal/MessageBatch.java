package org.netduplex.core.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * NetDuplex's framing of several SOAP envelopes in one poll answer ({@code MULTIPLE_MESSAGES_PER_POLL};
 * docs/protocol.md section 3): a {@code multipart/mixed} body (RFC 2046) whose parts are complete
 * envelopes, in delivery order, each with its own {@code Content-Type}. Our own choice, since WCF's
 * framing is not documented; a standard container, so any MIME parser reads it.
 *
 * <p>Size: the client refuses an answer longer than its {@code maxResponseBytes} (default
 * {@link #MAX_BYTES}), counting the whole body. The server therefore fills a batch within
 * {@link #BUDGET}, counting each message as its whole envelope (body plus the session's header
 * bytes, exact per session and SOAP version) plus {@link #PART_OVERHEAD}, so an encoded batch never
 * exceeds {@code MAX_BYTES - MARGIN}; a first message too large for that is sent alone.
 */
public final class MessageBatch {
  /** What a poll sends in {@code Accept} to say it takes a batch. */
  public static final String MEDIA_TYPE = "multipart/mixed";
  /** Most parts a reader accepts in one answer; the server sends at most {@link #MAX_MESSAGES}. */
  public static final int MAX_PARTS = 1_024;
  /** Most messages the server puts in one answer. */
  public static final int MAX_MESSAGES = 64;
  /**
   * Most bytes a whole batch answer may take on the wire: the client's default
   * {@code maxResponseBytes} (WCF's default {@code MaxReceivedMessageSize}), which counts every byte
   * of the response body, envelopes and multipart framing alike.
   */
  public static final int MAX_BYTES = 65_536;
  /**
   * Bytes kept free below {@link #MAX_BYTES}. The budget below is computed on the text envelopes; a
   * binary ({@code msbin1}) envelope is as long or shorter except for a text run of 256 or more
   * characters that does not end its element (a 3-byte Chars16Text header the text form lacks),
   * at most about 1.2% of a 64 KiB answer, which this margin covers.
   */
  public static final int MARGIN = 1_024;
  /**
   * Framing bytes around one part: {@code --boundary CRLF}, {@code Content-Type: <type> CRLF CRLF}
   * and the {@code CRLF} after the envelope. Measured: 70 bytes plus the part's content type, 105 for
   * the longest one we send ({@code application/soap+xml; charset=utf-8}, 35 characters); this bound
   * holds for any content type of up to 58 characters.
   */
  public static final int PART_OVERHEAD = 128;
  /** Bytes of the close delimiter ({@code --boundary--CRLF}, 52 measured), rounded up. */
  public static final int CLOSE_OVERHEAD = 64;
  /**
   * What the server fills with parts: every part counted as its envelope plus
   * {@link #PART_OVERHEAD}, the close delimiter as {@link #CLOSE_OVERHEAD}, so the encoded answer
   * stays at or below {@code MAX_BYTES - MARGIN}. A first message larger than this is sent alone
   * (the client refuses it if it is over its limit, as it would refuse it unbatched).
   */
  public static final int BUDGET = MAX_BYTES - MARGIN - CLOSE_OVERHEAD;

  private static final byte[] CRLF = {'\r', '\n'};

  private MessageBatch() {}

  /** A batch body and the {@code Content-Type} to send it with. */
  public record Encoded(String contentType, byte[] body) {}

  /** Frames {@code envelopes}, each sent as {@code partContentType}. */
  public static Encoded encode(List<byte[]> envelopes, String partContentType) {
    String boundary = newBoundary();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(parts(envelopes, partContentType, boundary, true));
    out.writeBytes(close());
    return new Encoded(contentType(boundary), out.toByteArray());
  }

  /** A fresh boundary, never found inside an envelope (a random UUID). */
  public static String newBoundary() {
    return "netduplex-" + UUID.randomUUID();
  }

  /** The answer's {@code Content-Type} for {@code boundary}. */
  public static String contentType(String boundary) {
    return MEDIA_TYPE + "; boundary=\"" + boundary + "\"";
  }

  /**
   * The parts of {@code envelopes}, each followed by the delimiter after it, so a reader knows a
   * part is complete as soon as its bytes arrive: a streamed answer writes these as its messages
   * come, {@code first} (with the body's opening delimiter) for its first write, and {@link #close}
   * at its end. Written back to back they are the RFC 2046 body {@link #encode} makes.
   */
  public static byte[] parts(List<byte[]> envelopes, String partContentType, String boundary, boolean first) {
    if (70 + partContentType.length() > PART_OVERHEAD) {
      throw new IllegalArgumentException("part content type too long for PART_OVERHEAD: " + partContentType);
    }
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
    byte[] partHeader = ("Content-Type: " + partContentType + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (first) {
      out.writeBytes(delimiter);
    }
    for (byte[] envelope : envelopes) {
      out.writeBytes(CRLF);
      out.writeBytes(partHeader);
      out.writeBytes(envelope);
      out.writeBytes(CRLF);
      out.writeBytes(delimiter);
    }
    return out.toByteArray();
  }

  /** A whole batch of no parts: its opening delimiter, closed. */
  public static byte[] empty(String boundary) {
    return ("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** What ends a batch after its last delimiter: {@code --} and a line end. */
  public static byte[] close() {
    return "--\r\n".getBytes(StandardCharsets.US_ASCII);
  }

  /** Whether a response {@code Content-Type} announces a batch. */
  public static boolean isBatch(String contentType) {
    return contentType != null && contentType.trim().toLowerCase(Locale.ROOT).startsWith(MEDIA_TYPE);
  }

  /**
   * The part bodies of a batch, in order.
   *
   * @throws IllegalArgumentException if the body is not a well-formed batch
   */
  public static List<byte[]> decode(String contentType, byte[] body) {
    String boundary = boundary(contentType);
    byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
    // The first delimiter may start the body, without the CRLF before it.
    byte[] text = new byte[body.length + 2];
    text[0] = '\r';
    text[1] = '\n';
    System.arraycopy(body, 0, text, 2, body.length);
    int at = indexOf(text, delimiter, 0);
    if (at < 0) {
      throw new IllegalArgumentException("no multipart boundary in the body");
    }
    List<byte[]> parts = new ArrayList<>();
    while (true) {
      int after = at + delimiter.length;
      if (startsWith(text, after, "--")) {
        return parts; // close delimiter
      }
      int headersEnd = indexOf(text, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), after);
      if (headersEnd < 0) {
        throw new IllegalArgumentException("a multipart part without a header end");
      }
      int next = indexOf(text, delimiter, headersEnd + 4);
      if (next < 0) {
        throw new IllegalArgumentException("a multipart body without its close delimiter");
      }
      if (parts.size() == MAX_PARTS) {
        throw new IllegalArgumentException("more than " + MAX_PARTS + " parts");
      }
      byte[] part = new byte[next - (headersEnd + 4)];
      System.arraycopy(text, headersEnd + 4, part, 0, part.length);
      parts.add(part);
      at = next;
    }
  }

  /**
   * The boundary a batch {@code Content-Type} names.
   *
   * @throws IllegalArgumentException if it names none, or one that is empty or over 70 characters
   */
  public static String boundary(String contentType) {
    for (String param : contentType.split(";")) {
      String p = param.trim();
      if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        String b = p.substring("boundary=".length()).trim();
        if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
          b = b.substring(1, b.length() - 1);
        }
        if (b.isEmpty() || b.length() > 70) {
          throw new IllegalArgumentException("bad multipart boundary");
        }
        return b;
      }
    }
    throw new IllegalArgumentException("multipart content type without a boundary");
  }

  private static boolean startsWith(byte[] text, int from, String prefix) {
    if (from + prefix.length() > text.length) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (text[from + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] text, byte[] pattern, int from) {
    outer:
    for (int i = Math.max(0, from); i <= text.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (text[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
