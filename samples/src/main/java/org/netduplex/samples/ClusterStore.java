package org.netduplex.samples;

import io.lettuce.core.RedisException;
import org.netduplex.redis.RedisDuplexStore;
import org.netduplex.server.DuplexStore;

/**
 * A sample server as a cluster node: its endpoint's store in Redis, shared with every other node of
 * the same sample. Each sample has its own key prefix ({@code nd.<sample>}), so the three samples can
 * share one Redis without seeing each other's sessions.
 */
public final class ClusterStore {
  private ClusterStore() {}

  /**
   * Connects to {@code redisUri} as {@code nodeId} (null: a random id) for the endpoint of {@code sample}.
   *
   * @throws IllegalStateException naming {@code redisUri} if Redis cannot be reached now
   */
  public static DuplexStore redis(String redisUri, String nodeId, String sample) {
    RedisDuplexStore.Builder builder = RedisDuplexStore.builder(redisUri).keyPrefix(keyPrefix(sample));
    if (nodeId != null) {
      builder.nodeId(nodeId);
    }
    try {
      return builder.build();
    } catch (RedisException e) { // Lettuce's message names the address as "host/<unresolved>:port"
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      throw new IllegalStateException("no Redis answers at " + redisUri + " (" + root.getMessage() + ")", e);
    }
  }

  /** The prefix of the store's keys for {@code sample}; a service's own keys go under {@code <prefix>:app}. */
  public static String keyPrefix(String sample) {
    return "nd." + sample;
  }
}
