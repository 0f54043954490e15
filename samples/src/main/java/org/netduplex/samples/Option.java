package org.netduplex.samples;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * One {@code --name value} option of a command: its name, an example value (the default, where there
 * is one), what it means, and how a value is checked. A value that does not pass is refused before the
 * command starts, with one line naming the option and what it expects.
 *
 * @param check returns the problem with a value, or null when the value is fine
 */
public record Option(String name, String example, String meaning, Function<String, String> check) {
  private static final String DURATIONS = "500ms, 15s, 10m, 1h or PT15S";

  /** Any text. */
  public static Option text(String name, String example, String meaning) {
    return new Option(name, example, meaning, value -> value.isBlank() ? "expected some text, got nothing" : null);
  }

  /** A TCP port, 1 to 65535 (not 0: the server prints the addresses it was given). */
  public static Option port(int defaultPort) {
    return new Option("port", String.valueOf(defaultPort), "the port to listen on", value -> {
      try {
        int port = Integer.parseInt(value);
        return port >= 1 && port <= 65_535 ? null : "expected a port number from 1 to 65535, got " + value;
      } catch (NumberFormatException e) {
        return "expected a port number from 1 to 65535, got " + value;
      }
    });
  }

  /** A duration longer than zero, or (with {@code zeroMeans}) zero too, which then means that. */
  public static Option duration(String name, String example, String meaning, String zeroMeans) {
    String expected = zeroMeans == null ? "a duration above zero (" + DURATIONS + ")"
        : "a duration (" + DURATIONS + "; 0s: " + zeroMeans + ")";
    return new Option(name, example, zeroMeans == null ? meaning : meaning + " (0s: " + zeroMeans + ")", value -> {
      try {
        Duration d = Durations.parse(value);
        return d.isNegative() || d.isZero() && zeroMeans == null ? "expected " + expected + ", got " + value : null;
      } catch (IllegalArgumentException e) {
        return "expected " + expected + ", got " + value;
      }
    });
  }

  /** An absolute http:// or https:// address. */
  public static Option url(String example, String meaning) {
    return new Option("url", example, meaning, value -> {
      try {
        URI uri = URI.create(value);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? null
            : "expected an http:// or https:// address, got " + value;
      } catch (IllegalArgumentException e) {
        return "expected an http:// or https:// address, got " + value;
      }
    });
  }

  /** A Redis address in Lettuce's syntax: {@code redis://}, {@code rediss://} (TLS) or {@code redis-sentinel://}. */
  public static Option redisUri(String name, String example, String meaning) {
    String expected = "expected redis://HOST:PORT (or rediss://, redis-sentinel://), got ";
    return new Option(name, example, meaning, value -> {
      try {
        URI uri = URI.create(value);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean known = scheme.equals("redis") || scheme.equals("rediss") || scheme.equals("redis-sentinel");
        return known && uri.getRawAuthority() != null ? null : expected + value;
      } catch (IllegalArgumentException e) {
        return expected + value;
      }
    });
  }

  /** A cluster node's id: what {@code RedisDuplexStore} accepts. */
  public static Option nodeId(String name, String example, String meaning) {
    return new Option(name, example, meaning, value -> value.matches("[A-Za-z0-9._-]{1,64}") ? null
        : "expected 1 to 64 letters, digits, '.', '_' or '-', got " + value);
  }

  /** One of {@code choices}, in any case. */
  public static Option choice(String name, String meaning, String... choices) {
    String expected = "expected " + String.join(" or ", choices);
    return new Option(name, choices[0], meaning, value -> {
      for (String c : choices) {
        if (c.equalsIgnoreCase(value)) {
          return null;
        }
      }
      return expected + ", got " + value;
    });
  }

  /** The option as its usage line shows it: {@code --port 10201}. */
  public String synopsis() {
    return "--" + name + " " + example;
  }
}
