package org.netduplex.samples.stock;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The quotes of a cluster, in Redis, through the connection of the endpoint's store: a hash of prices
 * (symbol → "ask bid") and one of notes (symbol → text).
 */
final class RedisQuoteBook implements QuoteBook {
  private final RedisCommands<byte[], byte[]> redis;
  private final byte[] prices;
  private final byte[] notes;

  /** A book under {@code prefix} (its own, not the store's) on {@code connection}, which the store owns. */
  RedisQuoteBook(StatefulRedisConnection<byte[], byte[]> connection, String prefix) {
    this.redis = connection.sync();
    this.prices = bytes(prefix + ":quotes:prices");
    this.notes = bytes(prefix + ":quotes:notes");
  }

  @Override
  public void putIfAbsent(Map<String, Price> initial) {
    initial.forEach((symbol, price) -> redis.hsetnx(prices, bytes(symbol), bytes(encode(price))));
  }

  @Override
  public Map<String, Price> prices() {
    Map<String, Price> all = new HashMap<>();
    redis.hgetall(prices).forEach((symbol, price) -> all.put(text(symbol), decode(text(price))));
    return all;
  }

  @Override
  public Map<String, String> notes() {
    Map<String, String> all = new HashMap<>();
    redis.hgetall(notes).forEach((symbol, text) -> all.put(text(symbol), text(text)));
    return all;
  }

  @Override
  public Price price(String symbol) {
    byte[] price = redis.hget(prices, bytes(symbol));
    return price == null ? null : decode(text(price));
  }

  @Override
  public void putPrice(String symbol, Price price) {
    redis.hset(prices, bytes(symbol), bytes(encode(price)));
  }

  @Override
  public void putNotes(String symbol, String text) {
    if (text == null) {
      redis.hdel(notes, bytes(symbol));
    } else {
      redis.hset(notes, bytes(symbol), bytes(text));
    }
  }

  private static String encode(Price p) {
    return String.format(Locale.ROOT, "%s %s", p.ask(), p.bid());
  }

  private static Price decode(String text) {
    String[] parts = text.split(" ");
    return new Price(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
