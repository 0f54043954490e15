package org.netduplex.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.netduplex.redis.internal.RedisFunctions;
import org.netduplex.redis.internal.RedisStores;
import org.netduplex.server.DuplexStore;

/**
 * A polling duplex endpoint's sessions, queued messages and parked-poll ownership in Redis, so that
 * several nodes behind a plain round-robin balancer serve one set of sessions: any node answers any
 * call or poll, and a node that dies loses no session and no queued message (docs/protocol.md
 * section 18). Redis 7.0 or later (or Valkey 7.2+), standalone or under Sentinel.
 *
 * <pre>{@code
 * DuplexStore store = RedisDuplexStore.builder("redis://redis.internal:6379")
 *     .nodeId("node-1")
 *     .build();
 * DuplexServerConfig config = DuplexServerConfig.builder().store(store).build();
 * }</pre>
 *
 * <p>If Redis cannot be reached, calls and polls are refused at once with {@code ndf:ServerTooBusy}
 * (clients back off and retry) and one log line a second says why; they succeed again when it returns.
 */
public final class RedisDuplexStore {
  private RedisDuplexStore() {
  }

  /**
   * The Lettuce connection of a store {@link Builder#build} made, so a service can keep its own
   * cluster-wide state (a unique-name registry, say) in the same Redis without a second connection.
   * Use it for the service's own keys only, with a prefix of its own; never close it: the endpoint
   * closes it with the store.
   *
   * @param store a store this class built
   * @return its connection (byte-array keys and values)
   * @throws IllegalArgumentException if {@code store} is not a Redis store
   */
  public static StatefulRedisConnection<byte[], byte[]> connection(DuplexStore store) {
    if (store instanceof org.netduplex.redis.internal.RedisSessionStore redis) {
      return redis.connection();
    }
    throw new IllegalArgumentException("Not a store RedisDuplexStore built: " + store);
  }

  /**
   * A builder for a store at {@code redisUri}, in Lettuce's URI syntax: {@code redis://host:port},
   * {@code rediss://} for TLS, {@code redis://:password@host}, {@code redis-sentinel://host:26379,host2:26379#mymaster}.
   *
   * @param redisUri where Redis (or its Sentinels) answers
   * @return a builder with the defaults
   */
  public static Builder builder(String redisUri) {
    return new Builder(RedisURI.create(Objects.requireNonNull(redisUri, "redisUri")));
  }

  /** Settings of a Redis store; {@link #build} connects. */
  public static final class Builder {
    private final RedisURI uri;
    private String nodeId = "node-" + UUID.randomUUID().toString().substring(0, 8);
    private String keyPrefix = "nd";
    private Duration leaseTime = Duration.ofSeconds(30);
    private Duration commandTimeout = Duration.ofSeconds(1);
    private Clock clock = Clock.systemUTC();

    private Builder(RedisURI uri) {
      this.uri = uri;
    }

    /**
     * This node's id, unique in the cluster: other nodes wake its parked polls on a channel named
     * after it, and requeue what it holds in flight if it stops answering. The default is random.
     *
     * @param nodeId letters, digits, '-', '_' or '.'
     * @return this builder
     */
    public Builder nodeId(String nodeId) {
      if (!nodeId.matches("[A-Za-z0-9._-]{1,64}")) {
        throw new IllegalArgumentException("A node id is 1..64 letters, digits, '.', '_' or '-': " + nodeId);
      }
      this.nodeId = nodeId;
      return this;
    }

    /**
     * The prefix of every key of this store; one per endpoint sharing a Redis. The default is {@code nd}.
     *
     * @param keyPrefix letters, digits, '-', '_' or '.'
     * @return this builder
     */
    public Builder keyPrefix(String keyPrefix) {
      if (!keyPrefix.matches("[A-Za-z0-9._-]{1,64}")) {
        throw new IllegalArgumentException("A key prefix is 1..64 letters, digits, '.', '_' or '-': " + keyPrefix);
      }
      this.keyPrefix = keyPrefix;
      return this;
    }

    /**
     * How long an answer being written holds its messages (of a client that does not acknowledge)
     * before another node's poll may send them again: much longer than any write. The default is 30 seconds.
     *
     * @param leaseTime at least one second
     * @return this builder
     */
    public Builder leaseTime(Duration leaseTime) {
      if (leaseTime.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("leaseTime must be at least 1 s: " + leaseTime);
      }
      this.leaseTime = leaseTime;
      return this;
    }

    /**
     * How long a call waits for Redis before the request is refused. The default is 1 second.
     *
     * @param commandTimeout positive
     * @return this builder
     */
    public Builder commandTimeout(Duration commandTimeout) {
      if (commandTimeout.isNegative() || commandTimeout.isZero()) {
        throw new IllegalArgumentException("commandTimeout must be positive: " + commandTimeout);
      }
      this.commandTimeout = commandTimeout;
      return this;
    }

    /**
     * The wall clock the store's decisions in Redis use (inactivity, leases, heartbeats): it must
     * agree across the nodes of one Redis, within the sweep's precision. The default is the system's
     * clock (keep the nodes on NTP); a test gives all its nodes one fake clock.
     *
     * @param clock not null
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Connects to Redis and loads the store's functions (replacing an older copy of the same version).
     *
     * @return the store, for {@code DuplexServerConfig.Builder.store}; the endpoint closes it
     * @throws io.lettuce.core.RedisException if Redis cannot be reached now
     */
    public DuplexStore build() {
      RedisClient client = RedisClient.create(uri);
      client.setOptions(ClientOptions.builder()
          // Refuse at once while disconnected: a request must fail fast, not wait in a queue.
          .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
          .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
          .build());
      try {
        StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE);
        return RedisStores.newStore(client, new RedisFunctions(connection, keyPrefix, nodeId), commandTimeout, leaseTime, clock);
      } catch (RuntimeException e) {
        client.shutdown();
        throw e;
      }
    }
  }
}
