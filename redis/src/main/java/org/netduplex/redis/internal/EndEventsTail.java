package org.netduplex.redis.internal;

import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows the store's events stream, where every session end (by any node, for any reason) is
 * appended, and hands each end made by another node to {@code onEnded}, so that every node's
 * listener hears of every end. Blocking reads need a connection of their own: this one is only
 * for them. Resumes from the last id it read after a reconnect, so an outage loses no event the
 * stream still holds.
 */
final class EndEventsTail implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(EndEventsTail.class.getName());

  /** One end another node made. */
  record EndEvent(String sessionId, String address, String reason) {}

  interface Handler {
    void ended(EndEvent event);
  }

  private final StatefulRedisConnection<String, String> connection;
  private final String stream;
  private final String self;
  private final Handler handler;
  private final Duration block;
  private final Thread thread;
  private volatile boolean closed;
  private String lastId;

  EndEventsTail(StatefulRedisConnection<String, String> connection, String stream, String self, Duration block,
      Handler handler) {
    this.connection = connection;
    this.block = block;
    this.stream = stream;
    this.self = self;
    this.handler = handler;
    this.lastId = lastIdNow();
    this.thread = new Thread(this::run, "netduplex-redis-events-" + self);
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Starts after what the stream holds now: ends from before this node started are not its to tell. */
  private String lastIdNow() {
    List<StreamMessage<String, String>> last = connection.sync().xrevrange(stream, io.lettuce.core.Range.create("-", "+"),
        io.lettuce.core.Limit.from(1));
    return last.isEmpty() ? "0-0" : last.get(0).getId();
  }

  private void run() {
    while (!closed) {
      try {
        List<StreamMessage<String, String>> batch = connection.sync().xread(
            XReadArgs.Builder.block(block).count(500), XReadArgs.StreamOffset.from(stream, lastId));
        for (StreamMessage<String, String> m : batch) {
          lastId = m.getId();
          Map<String, String> body = m.getBody();
          if (!self.equals(body.get("node"))) {
            handler.ended(new EndEvent(body.get("sid"), body.get("address"), body.get("reason")));
          }
        }
      } catch (RuntimeException e) {
        if (closed) {
          return;
        }
        LOG.log(Level.FINE, "Reading the session events stream failed; reading on from " + lastId, e);
        pause();
      }
    }
  }

  /** After a failed read (Redis away): a short pause instead of a busy loop; the connection reconnects itself. */
  private void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  @Override
  public void close() {
    closed = true;
    connection.close();
    thread.interrupt();
  }
}
