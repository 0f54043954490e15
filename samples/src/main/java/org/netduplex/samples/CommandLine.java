package org.netduplex.samples;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.core.DuplexMode;
import org.netduplex.server.DuplexServerConfig;

/**
 * A command's {@code --option value} arguments, checked against the options it has: an unknown option,
 * one without a value, one given twice or a value its option refuses is a {@link UsageException}
 * naming it, before the command starts. Read through the typed getters: a server's {@code --host},
 * {@code --port}, {@code --poll-timeout} and {@code --inactivity-timeout}; a client's {@code --url},
 * {@code --profile} and {@code --poll-timeout} (the server's, which the client waits a little longer
 * than).
 */
public final class CommandLine {
  public static final Option HOST = Option.text("host", "localhost", "the interface to listen on (0.0.0.0: all)");
  public static final Option POLL_TIMEOUT = Option.duration("poll-timeout", "15s",
      "how long the server holds a poll with nothing to send", null);
  public static final Option DUPLEX_MODE = Option.choice("duplex-mode",
      "single: one message per poll answer, as WCF; multiple: several to a poll that asks (NetDuplex's batch)",
      "single", "multiple");
  public static final Option STREAMED_WINDOW = Option.duration("streamed-window", "200ms",
      "in multiple mode, how long a streamed poll answer stays open after its first message", null);
  public static final Option REDIS = Option.redisUri("redis", "redis://localhost:6379",
      "run as a node of a cluster: sessions, groups and one-node tasks in this Redis (7.0+)");
  public static final Option NODE_ID = Option.nodeId("node-id", "node-1",
      "this node's id in the cluster, unique (with --redis; default: a random one)");
  public static final Option PROFILE = Option.choice("profile",
      "sl2: SOAP 1.1 text at --url; sl3: SOAP 1.2 binary (Silverlight 3+) at <url>-soap12", "sl2", "sl3");

  private final Map<String, String> options;

  /** Options already read; a bad value throws from its getter. */
  public CommandLine(Map<String, String> options) {
    this.options = Map.copyOf(options);
  }

  /**
   * Reads {@code args} ({@code --name value} pairs) for {@code command}, which has {@code known}.
   *
   * @throws UsageException naming the first argument that is wrong and why
   */
  public static CommandLine parse(String command, List<String> args, List<Option> known) {
    Map<String, Option> byName = new HashMap<>();
    known.forEach(o -> byName.put(o.name(), o));
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw new UsageException(command + ": unexpected argument " + arg + " (options are --name value)");
      }
      String name = arg.substring(2);
      Option option = byName.get(name);
      if (option == null) {
        throw new UsageException(command + ": unknown option " + arg);
      }
      if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
        throw new UsageException(command + ": " + arg + " needs a value, e.g. " + option.synopsis());
      }
      String value = args.get(++i);
      String problem = option.check().apply(value);
      if (problem != null) {
        throw new UsageException(command + ": " + arg + ": " + problem);
      }
      if (options.put(name, value) != null) {
        throw new UsageException(command + ": " + arg + " is given twice");
      }
    }
    return new CommandLine(options);
  }

  /** The options every sample server has. */
  public static List<Option> serverOptions(int defaultPort, String defaultInactivityTimeout) {
    return List.of(HOST, Option.port(defaultPort), POLL_TIMEOUT, Option.duration("inactivity-timeout",
        defaultInactivityTimeout, "how long a session may stay silent before it ends", null), DUPLEX_MODE,
        STREAMED_WINDOW, REDIS, NODE_ID);
  }

  /** The options every console client has. */
  public static List<Option> clientOptions(String defaultUrl) {
    return List.of(Option.url(defaultUrl, "the service (its SOAP 1.1 address; sl3 adds -soap12)"), PROFILE,
        Option.duration("poll-timeout", "15s", "the server's poll timeout; the client waits a little longer", null));
  }

  /** The value of {@code --name}, or null. */
  public String value(String name) {
    return options.get(name);
  }

  public boolean has(String name) {
    return options.containsKey(name);
  }

  public String host() {
    return options.getOrDefault("host", "localhost");
  }

  public int port(int defaultPort) {
    return Integer.parseInt(options.getOrDefault("port", String.valueOf(defaultPort)));
  }

  /** {@code --name} as a duration, or {@code defaultValue}. */
  public Duration duration(String name, String defaultValue) {
    return Durations.parse(options.getOrDefault(name, defaultValue));
  }

  /**
   * The endpoint's settings: {@code --poll-timeout} (default 15s), {@code --inactivity-timeout} and
   * {@code --duplex-mode} (default single) with its {@code --streamed-window} (default 200ms).
   */
  public DuplexServerConfig serverConfig(String defaultInactivityTimeout) {
    return DuplexServerConfig.builder()
        .pollTimeout(duration("poll-timeout", "15s"))
        .inactivityTimeout(duration("inactivity-timeout", defaultInactivityTimeout))
        .duplexMode("multiple".equalsIgnoreCase(options.get(DUPLEX_MODE.name()))
            ? DuplexMode.MULTIPLE_MESSAGES_PER_POLL : DuplexMode.SINGLE_MESSAGE_PER_POLL)
        .streamedAnswerWindow(duration(STREAMED_WINDOW.name(), "200ms"))
        .build();
  }

  /**
   * {@link #serverConfig(String)}, and with {@code --redis} a store in Redis for the endpoint of
   * {@code sample} (see {@link ClusterStore}), as node {@code --node-id}: the server is then a node
   * of that sample's cluster.
   *
   * @throws UsageException for {@code --node-id} without {@code --redis}
   * @throws IllegalStateException if Redis cannot be reached now
   */
  public DuplexServerConfig serverConfig(String defaultInactivityTimeout, String sample) {
    DuplexServerConfig config = serverConfig(defaultInactivityTimeout);
    if (!has(REDIS.name())) {
      if (has(NODE_ID.name())) {
        throw new UsageException(sample + "-server: --node-id names a cluster node: it needs --redis redis://HOST:PORT");
      }
      return config;
    }
    return config.toBuilder().store(ClusterStore.redis(value(REDIS.name()), value(NODE_ID.name()), sample)).build();
  }

  /** Whether the server is a cluster node ({@code --redis}). */
  public boolean clustered() {
    return has(REDIS.name());
  }

  /** {@code --url}: the service's SOAP 1.1 address, whatever the profile. */
  public URI url(String defaultUrl) {
    return URI.create(options.getOrDefault("url", defaultUrl));
  }

  /** {@code --profile}, default {@code sl2}. */
  public Profile profile() {
    return Profile.named(options.getOrDefault("profile", "sl2"));
  }

  /** The endpoint a client of {@code --url} talks to in its {@code --profile}. */
  public URI endpoint(String defaultUrl) {
    return profile().endpoint(url(defaultUrl));
  }

  /** A client's settings: the server's {@code --poll-timeout} (default 15s), the profile's wire format. */
  public DuplexClientConfig clientConfig() {
    return DuplexClientConfig.builder()
        .serverPollTimeout(duration("poll-timeout", "15s"))
        .wireFormat(profile().wireFormat())
        .build();
  }
}
