package org.netduplex.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One Redis command over a fresh loopback socket, in RESP2, as {@code redis-cli} sends it: no client
 * library, so a test can reach a Redis (or a Sentinel) that the code under test is failing to reach.
 * Replies map to Java as RESP2 defines them: a simple or bulk string is a {@link String}, an integer
 * a {@link Long}, an array a {@link List}, a null bulk or array {@code null}; an error reply throws.
 */
public final class RedisCli {
  private static final int TIMEOUT_MILLIS = 5_000;

  private RedisCli() {}

  /**
   * Sends {@code args} as one command to {@code 127.0.0.1:port} and reads its reply.
   *
   * @param port the server's port on loopback
   * @param args the command and its arguments, e.g. {@code "CLIENT", "KILL", "TYPE", "pubsub"}
   * @return the reply, typed as the class comment says
   * @throws UncheckedIOException if nothing answers within 5 s or the connection fails
   * @throws IllegalStateException with Redis's message if the reply is an error
   */
  public static Object call(int port, String... args) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      out.write(encode(args));
      out.flush();
      return read(new BufferedInputStream(socket.getInputStream()), port);
    } catch (IOException e) {
      throw new UncheckedIOException("redis :" + port + " " + String.join(" ", args) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether something on {@code port} answers {@code PING} with {@code PONG} now.
   *
   * @param port the server's port on loopback
   * @return false on any failure
   */
  public static boolean answersPing(int port) {
    try {
      return "PONG".equals(call(port, "PING"));
    } catch (RuntimeException e) {
      return false;
    }
  }

  static byte[] encode(String... args) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
    for (String arg : args) {
      byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
      b.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
      b.writeBytes(bytes);
      b.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    return b.toByteArray();
  }

  static Object read(InputStream in, int port) throws IOException {
    int type = in.read();
    String line = line(in);
    switch (type) {
      case '+':
        return line;
      case '-':
        throw new IllegalStateException("redis :" + port + ": " + line);
      case ':':
        return Long.parseLong(line);
      case '$': {
        int length = Integer.parseInt(line);
        if (length < 0) {
          return null;
        }
        byte[] bytes = in.readNBytes(length + 2); // the body and its CRLF
        if (bytes.length < length + 2) {
          throw new IOException("connection closed mid-reply");
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
      }
      case '*': {
        int count = Integer.parseInt(line);
        if (count < 0) {
          return null;
        }
        List<Object> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          try {
            items.add(read(in, port));
          } catch (IllegalStateException error) {
            items.add(error.getMessage()); // an error inside an array (EXEC) is a value, not a failure
          }
        }
        return items;
      }
      case -1:
        throw new IOException("connection closed before a reply");
      default:
        throw new IOException("not a RESP2 reply: '" + (char) type + line + "'");
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder s = new StringBuilder();
    for (int c; (c = in.read()) != '\r'; ) {
      if (c < 0) {
        throw new IOException("connection closed mid-reply");
      }
      s.append((char) c);
    }
    in.read(); // '\n'
    return s.toString();
  }
}
