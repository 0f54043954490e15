package org.netduplex.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.netduplex.core.internal.BatchPartReader;
import org.netduplex.testing.WireClient;

/**
 * One streamed poll over a raw socket (docs/protocol.md section 19): sends a SOAP 1.1
 * {@code MakeConnection} with {@code nda:StreamedAnswer}, then reads the chunked answer as it comes,
 * so a test sees each part arrive while the answer is still open. Reads are bounded (10 s), never a sleep.
 */
final class StreamedPoll implements AutoCloseable {
  static final String SIGNAL = "<nda:StreamedAnswer xmlns:nda=\"urn:netduplex:delivery\"/>";
  private final Socket socket;
  private final InputStream in;
  private final ArrayDeque<String> parts = new ArrayDeque<>();
  private String head;
  private BatchPartReader reader;
  private boolean ended;
  private boolean afterChunk;

  private StreamedPoll(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
  }

  /** Sends a poll of {@code client}'s address with {@code headers} (the signal, an ack) and {@code Accept: multipart/mixed}. */
  static StreamedPoll send(URI address, WireClient client, String headers) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress(address.getHost(), address.getPort()), 10_000);
    s.setSoTimeout(10_000);
    String body = WireClient.envelope(headers, "<wsmc:MakeConnection xmlns:wsmc=\"http://docs.oasis-open.org/ws-rx/wsmc/200702\">"
        + "<wsmc:Address>" + client.address + "</wsmc:Address></wsmc:MakeConnection>");
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String request = RawHttp.postLine(address) + "Content-Type: text/xml; charset=utf-8\r\n"
        + "SOAPAction: \"" + WireClient.MAKE_CONNECTION + "\"\r\nAccept: multipart/mixed, text/xml\r\n"
        + "Content-Length: " + bytes.length + "\r\n\r\n";
    s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().write(bytes);
    s.getOutputStream().flush();
    return new StreamedPoll(s);
  }

  /** The response's head (status line and headers), once it came. */
  String head() throws IOException {
    readHead();
    return head;
  }

  /** The next part's envelope, waiting for it if it has not come. */
  String nextPart() throws IOException {
    while (parts.isEmpty()) {
      assertTrue(!ended, "the answer ended without another part");
      readChunk();
    }
    return parts.pollFirst();
  }

  /** Reads to the end of the answer; returns the parts that came before it. */
  List<String> rest() throws IOException {
    while (!ended) {
      readChunk();
    }
    assertTrue(reader.closed(), "the answer ended without its close delimiter");
    List<String> left = new ArrayList<>(parts);
    parts.clear();
    return left;
  }

  /** Cuts the connection, as a client that goes away mid-answer. */
  @Override
  public void close() throws IOException {
    socket.setSoLinger(true, 0); // a reset, so the server's next write fails
    socket.close();
  }

  private void readHead() throws IOException {
    if (head != null) {
      return;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    while (!bytes.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      assertTrue(b >= 0, "closed before the head: " + bytes);
      bytes.write(b);
    }
    head = bytes.toString(StandardCharsets.ISO_8859_1);
    assertTrue(head.startsWith("HTTP/1.1 200"), head);
    String lower = head.toLowerCase(Locale.ROOT);
    assertTrue(lower.contains("transfer-encoding: chunked") && !lower.contains("content-length"), head);
    String type = header("Content-Type");
    assertTrue(type.startsWith("multipart/mixed"), type);
    reader = new BatchPartReader(type, 1 << 20);
  }

  /** The value of response header {@code name}. */
  String header(String name) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return "";
  }

  private void readChunk() throws IOException {
    readHead();
    if (afterChunk) { // the line end after a chunk's data comes with the next chunk's size (Jetty sends it so)
      assertEquals("", line(), "the line end after a chunk");
    }
    afterChunk = true;
    int size = Integer.parseInt(line().split(";")[0].trim(), 16);
    if (size == 0) {
      assertEquals("", line(), "the blank line after the last chunk");
      ended = true;
      return;
    }
    byte[] chunk = in.readNBytes(size);
    assertEquals(size, chunk.length, "a cut chunk");
    for (byte[] part : reader.feed(chunk, 0, chunk.length)) {
      parts.addLast(new String(part, StandardCharsets.UTF_8));
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int b; (b = in.read()) != '\n'; ) {
      assertTrue(b >= 0, "closed mid-answer");
      bytes.write(b);
    }
    String line = bytes.toString(StandardCharsets.ISO_8859_1);
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
