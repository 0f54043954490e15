package org.netduplex.redis.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.netduplex.server.internal.CallbackMessage;

/**
 * A queued message as bytes in Redis. The head is ASCII, for the Functions to read:
 * {@code "<bytes11> <bytes12> <sidLength> <sid>"} (the message's batch sizes in SOAP 1.1 and 1.2 and its
 * session); the payload after it is binary, for Java only: the queued-at time (wall-clock ms), action,
 * messageId and relatesTo (each absent or UTF-8) and the body, as is. Nothing is escaped, so any body
 * bytes survive.
 */
public final class EntryCodec {
  private EntryCodec() {
  }

  /** A decoded entry: the session it is for, when it was queued (wall-clock ms), and the message. */
  public record Entry(String sessionId, long queuedAtMillis, CallbackMessage message) {}

  /** The whole entry {@code nd_offer} queues. */
  public static byte[] encode(String sessionId, long bytes11, long bytes12, long queuedAtMillis, CallbackMessage message) {
    return concat(head(sessionId, bytes11, bytes12), payload(queuedAtMillis, message));
  }

  /** The ASCII head naming the session and the batch sizes. */
  static byte[] head(String sessionId, long bytes11, long bytes12) {
    byte[] sid = sessionId.getBytes(StandardCharsets.UTF_8);
    byte[] prefix = (bytes11 + " " + bytes12 + " " + sid.length + " ").getBytes(StandardCharsets.US_ASCII);
    return concat(prefix, sid);
  }

  /** The binary part, the same for every session a broadcast reaches ({@code nd_broadcast} adds each head). */
  public static byte[] payload(long queuedAtMillis, CallbackMessage message) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(message.body().length + 128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeLong(queuedAtMillis);
      writeText(out, message.action());
      writeText(out, message.messageId());
      writeText(out, message.relatesTo());
      out.writeInt(message.body().length);
      out.write(message.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: cannot happen
    }
    return bytes.toByteArray();
  }

  /** Decodes an entry; an in-flight entry ({@code "<number> <entry>"}) is read by {@link #inFlight}. */
  public static Entry decode(byte[] entry) {
    int[] at = {0};
    readNumber(entry, at); // bytes11
    readNumber(entry, at); // bytes12
    int sidLength = (int) readNumber(entry, at);
    String sid = new String(entry, at[0], sidLength, StandardCharsets.UTF_8);
    int payload = at[0] + sidLength;
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(entry, payload, entry.length - payload))) {
      long queuedAt = in.readLong();
      String action = readText(in);
      String messageId = readText(in);
      String relatesTo = readText(in);
      byte[] body = new byte[in.readInt()];
      in.readFully(body);
      return new Entry(sid, queuedAt, new CallbackMessage(body, action, messageId, relatesTo));
    } catch (IOException e) {
      throw new IllegalArgumentException("Not a NetDuplex queue entry", e);
    }
  }

  /** The number and the entry of an in-flight list item ({@code "<number> <entry>"}; number 0 if the address does not ack). */
  public static long number(byte[] inFlight) {
    return readNumber(inFlight, new int[] {0});
  }

  public static byte[] inFlight(byte[] item) {
    int[] at = {0};
    readNumber(item, at);
    return Arrays.copyOfRange(item, at[0], item.length);
  }

  /** Reads a decimal number ending in a space at {@code at[0]}, moving past the space. */
  private static long readNumber(byte[] bytes, int[] at) {
    long n = 0;
    int i = at[0];
    while (i < bytes.length && bytes[i] != ' ') {
      int digit = bytes[i] - '0';
      if (digit < 0 || digit > 9) {
        throw new IllegalArgumentException("Not a NetDuplex queue entry");
      }
      n = n * 10 + digit;
      i++;
    }
    at[0] = i + 1;
    return n;
  }

  private static void writeText(DataOutputStream out, String text) throws IOException {
    if (text == null) {
      out.writeInt(-1);
      return;
    }
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readText(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    byte[] utf8 = new byte[length];
    in.readFully(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
