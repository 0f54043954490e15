package org.netduplex.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a batch answer ({@link MessageBatch}'s framing) as its bytes arrive, so each part can be
 * handed on as soon as it is complete: what a streamed answer (docs/protocol.md section 19) needs,
 * and a buffered batch reads the same way. Holds at most one part (plus its framing) at a time;
 * not thread-safe, one answer per reader.
 */
public final class BatchPartReader {
  private static final byte[] HEADERS_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private final byte[] delimiter;
  private final int maxPartBytes;
  private byte[] buffer = new byte[8_192];
  private int length;
  /** Where the next delimiter search starts: bytes before it were searched already. */
  private int searchFrom;
  private boolean started;
  private boolean closed;
  private int parts;

  /**
   * A reader of the answer {@code contentType} announces; a part longer than {@code maxPartBytes} is refused.
   *
   * @throws IllegalArgumentException if the content type names no usable boundary
   */
  public BatchPartReader(String contentType, int maxPartBytes) {
    this.delimiter = ("\r\n--" + MessageBatch.boundary(contentType)).getBytes(StandardCharsets.US_ASCII);
    this.maxPartBytes = maxPartBytes;
    // The first delimiter may start the body, without the CRLF before it.
    buffer[0] = '\r';
    buffer[1] = '\n';
    length = 2;
  }

  /**
   * Takes the next {@code n} bytes of the body; returns the parts they completed, in order (often none).
   * Bytes after the close delimiter (an epilogue) are ignored.
   *
   * @throws IllegalArgumentException if the body is not a well-formed batch, has more than
   *     {@link MessageBatch#MAX_PARTS} parts, or a part is too large
   */
  public List<byte[]> feed(byte[] bytes, int offset, int n) {
    if (closed) {
      return List.of();
    }
    append(bytes, offset, n);
    List<byte[]> done = new ArrayList<>(1);
    while (!closed) {
      byte[] part = next();
      if (part == null) {
        break;
      }
      done.add(part);
    }
    return done;
  }

  /** Whether the close delimiter has come: the answer is complete. */
  public boolean closed() {
    return closed;
  }

  /** The next complete part, or null if more bytes are needed (or the close delimiter came). */
  private byte[] next() {
    if (!started) {
      int at = indexOf(delimiter, searchFrom);
      if (at < 0) {
        keepSearchingFrom(length - delimiter.length + 1);
        check(length <= maxPartBytes, "no multipart boundary in the first " + length + " bytes");
        return null;
      }
      consume(at + delimiter.length);
      started = true;
    }
    // Positioned just after a delimiter: "--" closes, else a part's headers, a blank line, its envelope.
    if (length < 2) {
      return null;
    }
    if (buffer[0] == '-' && buffer[1] == '-') {
      closed = true;
      return null;
    }
    int headersEnd = indexOf(HEADERS_END, 0);
    if (headersEnd < 0) {
      check(length <= MessageBatch.PART_OVERHEAD * 4, "a multipart part without a header end");
      return null;
    }
    int bodyStart = headersEnd + HEADERS_END.length;
    int next = indexOf(delimiter, Math.max(searchFrom, bodyStart));
    if (next < 0) {
      keepSearchingFrom(length - delimiter.length + 1);
      check(length - bodyStart <= maxPartBytes, "a multipart part larger than " + maxPartBytes + " bytes");
      return null;
    }
    check(parts < MessageBatch.MAX_PARTS, "more than " + MessageBatch.MAX_PARTS + " parts");
    check(next - bodyStart <= maxPartBytes, "a multipart part larger than " + maxPartBytes + " bytes");
    byte[] part = Arrays.copyOfRange(buffer, bodyStart, next);
    parts++;
    consume(next + delimiter.length);
    return part;
  }

  private void keepSearchingFrom(int at) {
    searchFrom = Math.max(0, at);
  }

  private void append(byte[] bytes, int offset, int n) {
    if (length + n > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + n));
    }
    System.arraycopy(bytes, offset, buffer, length, n);
    length += n;
  }

  private void consume(int count) {
    System.arraycopy(buffer, count, buffer, 0, length - count);
    length -= count;
    searchFrom = 0;
  }

  private int indexOf(byte[] pattern, int from) {
    outer:
    for (int i = Math.max(0, from); i <= length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (buffer[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static void check(boolean ok, String problem) {
    if (!ok) {
      throw new IllegalArgumentException(problem);
    }
  }
}
