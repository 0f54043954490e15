package org.netduplex.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real redis-server: it answers, survives kill -9 through its AOF only, and leaves nothing behind. */
class RedisServerTest {
  @BeforeAll
  static void redisInstalled() {
    RedisServer.assumeInstalled();
  }

  @Test
  void answersCommandsOnItsOwnLoopbackPort() throws Exception {
    try (RedisServer redis = RedisServer.builder().start()) {
      assertEquals("OK", redis.cli("SET", "k", "v é"));
      assertEquals("v é", redis.cli("GET", "k"));
      assertNull(redis.cli("GET", "missing"));
      assertEquals(2L, redis.cli("RPUSH", "list", "a", "b"));
      assertEquals(List.of("a", "b"), redis.cli("LRANGE", "list", "0", "-1"));
      assertEquals("master", redis.info("replication", "role"));
      assertEquals("redis://127.0.0.1:" + redis.port(), redis.uri());
    }
  }

  @Test
  void anErrorReplyThrowsWithRedisOwnWords() throws Exception {
    try (RedisServer redis = RedisServer.builder().start()) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> redis.cli("NOSUCHCOMMAND"));
      assertTrue(e.getMessage().contains("unknown command"), e.getMessage());
    }
  }

  @Test
  void theAofBringsDataBackAfterKill9AndARestartOnTheSamePort() throws Exception {
    try (RedisServer redis = RedisServer.builder().aof(true).start()) {
      int port = redis.port();
      redis.cli("SET", "k", "kept");

      redis.kill9();
      assertFalse(redis.running());
      assertFalse(RedisCli.answersPing(port), "a killed server answers nothing");
      redis.restart();

      assertEquals(port, redis.port());
      assertEquals("kept", redis.cli("GET", "k")); // written to the AOF before the reply; SIGKILL keeps the page cache
    }
  }

  @Test
  void withoutAofAKill9LosesEverything() throws Exception {
    try (RedisServer redis = RedisServer.builder().aof(false).start()) {
      redis.cli("SET", "k", "lost");
      redis.kill9();
      redis.restart();
      assertNull(redis.cli("GET", "k"));
    }
  }

  @Test
  void closeStopsTheProcessAndDeletesItsDirectory() throws Exception {
    RedisServer redis = RedisServer.builder().aof(true).start();
    int port = redis.port();
    Path dir = redis.dir();
    assertTrue(Files.exists(dir.resolve("redis.log")));

    redis.close();

    assertFalse(redis.running());
    assertFalse(RedisCli.answersPing(port));
    assertFalse(Files.exists(dir));
  }

  @Test
  void aMisconfiguredServerFailsToStartWithItsLog() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> RedisServer.builder().config("no-such-directive yes").start());
    assertTrue(e.getMessage().contains("no-such-directive"), e.getMessage());
  }
}
