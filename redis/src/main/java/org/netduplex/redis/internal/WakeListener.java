package org.netduplex.redis.internal;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * This node's pub/sub channel: other nodes' Functions publish {@code wake}, {@code replaced} and
 * {@code ended} hints for the polls parked here. Every message goes to the executor at once, never
 * worked on Lettuce's event-loop thread. Pub/sub is at-most-once, so a hint only saves time: each
 * (re)subscription also runs {@code onSubscribed}, which retakes every parked poll, and each poll's
 * timeout takes whatever a lost hint left behind.
 */
final class WakeListener implements AutoCloseable {
  private final StatefulRedisPubSubConnection<String, String> connection;

  WakeListener(StatefulRedisPubSubConnection<String, String> connection, String channel, Executor executor,
      Consumer<String> onMessage, Runnable onSubscribed) {
    this.connection = connection;
    connection.addListener(new RedisPubSubAdapter<>() {
      @Override
      public void message(String from, String message) {
        executor.execute(() -> onMessage.accept(message));
      }

      @Override
      public void subscribed(String to, long count) {
        executor.execute(onSubscribed);
      }
    });
    connection.sync().subscribe(channel); // Lettuce subscribes again by itself after a reconnect
  }

  @Override
  public void close() {
    connection.close();
  }
}
