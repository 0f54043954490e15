package org.netduplex.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP message as captured on the wire (a file of {@code ../shared/captures}, copied into test
 * resources): start line, headers and body.
 */
public record CapturedHttpMessage(String startLine, Map<String, String> headers, byte[] body) {

  /**
   * Reads a capture from the classpath, e.g. {@code "/captures/A-register.request.http"}.
   *
   * @param path the resource's absolute path
   * @return the message
   * @throws IllegalArgumentException if there is no such resource
   */
  public static CapturedHttpMessage fromResource(String path) {
    try (InputStream in = CapturedHttpMessage.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("No capture on the classpath at " + path);
      }
      return parse(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CapturedHttpMessage parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.UTF_8).replace("\r\n", "\n");
    int blank = text.indexOf("\n\n");
    String head = blank < 0 ? text.strip() : text.substring(0, blank);
    String body = blank < 0 ? "" : text.substring(blank + 2).strip();
    String[] lines = head.split("\n");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
    }
    return new CapturedHttpMessage(lines[0].trim(), Map.copyOf(headers), body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A header by case-insensitive name, or null.
   *
   * @param name the header's name, any case
   * @return its value
   */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /**
   * The status code of a response capture.
   *
   * @return the code, such as 200
   */
  public int status() {
    return Integer.parseInt(startLine.split(" ")[1]);
  }

  /**
   * The body as UTF-8 text.
   *
   * @return the body
   */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
