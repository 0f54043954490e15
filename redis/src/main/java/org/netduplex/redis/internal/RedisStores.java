package org.netduplex.redis.internal;

import io.lettuce.core.RedisClient;
import java.time.Clock;
import java.time.Duration;

/** Makes a {@link RedisSessionStore} for the public builder, which lives in another package. */
public final class RedisStores {
  private RedisStores() {
  }

  public static RedisSessionStore newStore(RedisClient client, RedisFunctions functions, Duration commandTimeout,
      Duration lease, Clock clock) {
    return new RedisSessionStore(client, functions, commandTimeout, lease, clock);
  }
}
