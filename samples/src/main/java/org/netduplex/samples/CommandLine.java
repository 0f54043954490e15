package org.netduplex.samples;

import java.net.URI;
import java.util.Map;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.server.DuplexServerConfig;

/**
 * The options the sample commands share, read one way: a server's {@code --host}, {@code --port},
 * {@code --poll-timeout} and {@code --inactivity-timeout}; a client's {@code --url} and
 * {@code --poll-timeout} (the server's, which the client waits a little longer than).
 */
public final class CommandLine {
  private final Map<String, String> options;

  public CommandLine(Map<String, String> options) {
    this.options = options;
  }

  public String host() {
    return options.getOrDefault("host", "localhost");
  }

  public int port(int defaultPort) {
    return Integer.parseInt(options.getOrDefault("port", String.valueOf(defaultPort)));
  }

  /** The endpoint's settings: {@code --poll-timeout} (default 15s) and {@code --inactivity-timeout}. */
  public DuplexServerConfig serverConfig(String defaultInactivityTimeout) {
    return DuplexServerConfig.builder()
        .pollTimeout(Durations.parse(options.getOrDefault("poll-timeout", "15s")))
        .inactivityTimeout(Durations.parse(options.getOrDefault("inactivity-timeout", defaultInactivityTimeout)))
        .build();
  }

  public URI url(String defaultUrl) {
    return URI.create(options.getOrDefault("url", defaultUrl));
  }

  /** A client's settings: the server's {@code --poll-timeout} (default 15s). */
  public DuplexClientConfig clientConfig() {
    return DuplexClientConfig.builder()
        .serverPollTimeout(Durations.parse(options.getOrDefault("poll-timeout", "15s")))
        .build();
  }
}
