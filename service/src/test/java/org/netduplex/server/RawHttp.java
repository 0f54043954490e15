package org.netduplex.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One HTTP/1.1 exchange over a raw socket, for requests no HTTP client would send (bad framing,
 * lying lengths, broken chunks): writes the bytes as given, half-closes, and reads whatever comes
 * back within a bound.
 */
final class RawHttp {
  /** What came back: {@code status} 0 if the connection closed with no answer; {@code timedOut} if nothing ended it in time. */
  record Answer(int status, String head, byte[] body, boolean timedOut, int localPort) {
    String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return "";
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private RawHttp() {}

  /** The start of a POST to {@code address}: request line and Host; the caller adds the rest. */
  static String postLine(URI address) {
    return "POST " + address.getPath() + " HTTP/1.1\r\nHost: " + address.getHost() + ":" + address.getPort() + "\r\n";
  }

  static Answer exchange(URI address, byte[] request, Duration bound) throws IOException {
    return exchange(address, request, bound, true);
  }

  /**
   * As {@link #exchange(URI, byte[], Duration)}; without {@code halfClose} the connection stays open
   * after the bytes, as a client that stalls mid-body keeps it: only the server can end the exchange.
   */
  static Answer exchange(URI address, byte[] request, Duration bound, boolean halfClose) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(address.getHost(), address.getPort()), (int) bound.toMillis());
      s.setSoTimeout((int) bound.toMillis());
      try {
        s.getOutputStream().write(request);
        s.getOutputStream().flush();
        if (halfClose) {
          s.shutdownOutput(); // what was not sent never will be: the server sees the end
        }
      } catch (IOException e) {
        // the server answered and closed before taking everything: read what it said
      }
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      boolean timedOut = false;
      try {
        readAnswer(s.getInputStream(), all);
      } catch (SocketTimeoutException e) {
        timedOut = true;
      } catch (IOException e) {
        // reset after the answer: keep what came
      }
      return parse(all.toByteArray(), timedOut, s.getLocalPort());
    }
  }

  /** Reads one response (by Content-Length, chunks, or to the close); stops after it, not at the close. */
  private static void readAnswer(InputStream in, ByteArrayOutputStream all) throws IOException {
    byte[] buf = new byte[8_192];
    for (int n; (n = in.read(buf)) >= 0; ) {
      all.write(buf, 0, n);
      if (complete(all.toByteArray())) {
        return;
      }
    }
  }

  private static boolean complete(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    String head = text.substring(0, end).toLowerCase(Locale.ROOT);
    if (head.startsWith("http/1.1 100")) {
      return false;
    }
    int cl = head.indexOf("\ncontent-length:");
    if (cl >= 0) {
      int eol = head.indexOf('\r', cl + 1);
      long length = Long.parseLong(head.substring(cl + 16, eol < 0 ? head.length() : eol).trim());
      return bytes.length - end - 4 >= length;
    }
    if (head.contains("\ntransfer-encoding: chunked")) {
      return text.endsWith("\r\n0\r\n\r\n") || text.substring(end).startsWith("\r\n\r\n0\r\n\r\n");
    }
    return false; // to the close
  }

  private static Answer parse(byte[] bytes, boolean timedOut, int localPort) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    while (text.startsWith("HTTP/1.1 100")) { // an interim 100 Continue
      int next = text.indexOf("\r\n\r\n");
      text = text.substring(next + 4);
      bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    }
    int end = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/") || end < 0) {
      return new Answer(0, text, new byte[0], timedOut, localPort);
    }
    int status = Integer.parseInt(text.substring(9, 12));
    String head = text.substring(0, end);
    byte[] raw = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
    byte[] body = head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked") ? unchunk(raw) : raw;
    return new Answer(status, head, body, timedOut, localPort);
  }

  private static byte[] unchunk(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < raw.length) {
      int eol = indexOfCrlf(raw, i);
      if (eol < 0) {
        break;
      }
      String size = new String(raw, i, eol - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
      int n = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
      if (n == 0) {
        break;
      }
      out.write(raw, eol + 2, Math.min(n, raw.length - eol - 2));
      i = eol + 2 + n + 2;
    }
    return out.toByteArray();
  }

  private static int indexOfCrlf(byte[] b, int from) {
    for (int i = from; i + 1 < b.length; i++) {
      if (b[i] == '\r' && b[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
