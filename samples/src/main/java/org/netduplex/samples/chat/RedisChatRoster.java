package org.netduplex.samples.chat;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The roster of a cluster, in Redis, through the connection of the endpoint's store: three hashes,
 * lower-case name → session id ({@code HSETNX} claims a name, so two nodes never accept one name),
 * session id → name, and session id → lower-case name. A claim and a removal are each one script, so
 * the three never disagree and one caller alone removes a member.
 */
final class RedisChatRoster implements ChatRoster {
  private static final String CLAIM = """
      local already = redis.call('HGET', KEYS[2], ARGV[2])
      if already then return {'ALREADY_MEMBER', already} end
      if redis.call('HSETNX', KEYS[1], ARGV[3], ARGV[2]) == 0 then
        return {'TAKEN', redis.call('HGET', KEYS[1], ARGV[3])}
      end
      redis.call('HSET', KEYS[2], ARGV[2], ARGV[1])
      redis.call('HSET', KEYS[3], ARGV[2], ARGV[3])
      return {'JOINED', ARGV[1]}
      """;
  private static final String REMOVE = """
      local name = redis.call('HGET', KEYS[2], ARGV[1])
      if not name then return false end
      local key = redis.call('HGET', KEYS[3], ARGV[1])
      redis.call('HDEL', KEYS[2], ARGV[1])
      redis.call('HDEL', KEYS[3], ARGV[1])
      if key and redis.call('HGET', KEYS[1], key) == ARGV[1] then redis.call('HDEL', KEYS[1], key) end
      return name
      """;

  private final RedisCommands<byte[], byte[]> redis;
  private final byte[] sessionByKey;
  private final byte[] nameBySession;
  private final byte[] keyBySession;

  /** A roster under {@code prefix} (its own, not the store's) on {@code connection}, which the store owns. */
  RedisChatRoster(StatefulRedisConnection<byte[], byte[]> connection, String prefix) {
    this.redis = connection.sync();
    // One hash tag: a script's keys must share a slot wherever Redis is sharded.
    this.sessionByKey = bytes(prefix + ":{roster}:names");
    this.nameBySession = bytes(prefix + ":{roster}:members");
    this.keyBySession = bytes(prefix + ":{roster}:keys");
  }

  @Override
  public Claim claim(String name, String sessionId) {
    List<Object> reply = redis.eval(CLAIM, ScriptOutputType.MULTI, keys(), bytes(name), bytes(sessionId),
        bytes(ChatRoster.key(name)));
    return new Claim(Outcome.valueOf(text(reply.get(0))), text(reply.get(1)));
  }

  @Override
  public Optional<String> remove(String sessionId) {
    byte[] name = redis.eval(REMOVE, ScriptOutputType.VALUE, keys(), bytes(sessionId));
    return Optional.ofNullable(name).map(RedisChatRoster::text);
  }

  @Override
  public Optional<String> nameOf(String sessionId) {
    return Optional.ofNullable(redis.hget(nameBySession, bytes(sessionId))).map(RedisChatRoster::text);
  }

  @Override
  public Optional<String> sessionOf(String name) {
    return Optional.ofNullable(redis.hget(sessionByKey, bytes(ChatRoster.key(name)))).map(RedisChatRoster::text);
  }

  @Override
  public List<String> names() {
    List<String> names = new ArrayList<>();
    for (byte[] name : redis.hvals(nameBySession)) {
      names.add(text(name));
    }
    names.sort(String.CASE_INSENSITIVE_ORDER);
    return names;
  }

  @Override
  public int size() {
    return Math.toIntExact(redis.hlen(nameBySession));
  }

  private byte[][] keys() {
    return new byte[][] {sessionByKey, nameBySession, keyBySession};
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(Object bytes) {
    return new String((byte[]) bytes, StandardCharsets.UTF_8);
  }
}
