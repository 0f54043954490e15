package org.netduplex.samples;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.testing.RedisServer;
import org.netduplex.testing.RoundRobinProxy;

/**
 * A cluster of two sample nodes in one JVM for the cluster tests: one real {@code redis-server} on a
 * free port, the settings of each node's endpoint (its own store in that Redis, as {@code --redis}
 * gives it), two free ports, and a round-robin proxy to both, opened once the nodes listen.
 */
public final class TwoNodes implements AutoCloseable {
  public static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);

  private final RedisServer redis;
  private final String sample;
  private final int[] ports = new int[2];
  private RoundRobinProxy proxy;

  private TwoNodes(String sample) throws IOException {
    RedisServer.assumeInstalled();
    this.redis = RedisServer.builder().start();
    this.sample = sample;
    for (int i = 0; i < 2; i++) {
      ports[i] = freePort();
    }
  }

  /** A Redis for two nodes of {@code sample} ({@code stock}, {@code chat}, {@code timetable}). */
  public static TwoNodes of(String sample) throws IOException {
    return new TwoNodes(sample);
  }

  /** Node {@code i}'s port (0 or 1). */
  public int port(int i) {
    return ports[i];
  }

  /** Node {@code i}'s endpoint settings: short timeouts, a store of its own in the shared Redis. */
  public DuplexServerConfig config(int i) {
    return DuplexServerConfig.builder().pollTimeout(POLL_TIMEOUT)
        .store(ClusterStore.redis(redis.uri(), "node-" + i, sample)).build();
  }

  public String redisUri() {
    return redis.uri();
  }

  /** {@code address} (on either node) through the proxy, whose connections alternate between the nodes. */
  public URI viaProxy(String address) throws IOException {
    if (proxy == null) {
      proxy = RoundRobinProxy.to(ports[0], ports[1]);
    }
    return proxy.via(URI.create(address));
  }

  /** A client's settings for nodes that may go away: short poll timeouts. */
  public static DuplexClientConfig clientConfig() {
    return DuplexClientConfig.builder().serverPollTimeout(POLL_TIMEOUT).pollTimeoutMargin(Duration.ofSeconds(1)).build();
  }

  @Override
  public void close() {
    if (proxy != null) {
      proxy.close();
    }
    redis.close();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
