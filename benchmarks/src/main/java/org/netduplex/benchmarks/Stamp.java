package org.netduplex.benchmarks;

import java.util.function.LongConsumer;

/**
 * The send time a server's producer writes into every benchmark message, and how the load generator
 * finds it again. Both read {@link System#nanoTime()}: on Linux HotSpot that is {@code CLOCK_MONOTONIC},
 * one clock for every process of the machine, so receipt minus stamp is the latency across JVMs.
 * The text has a fixed width (the number is zero-padded), so every message of a run has the same size,
 * and needs no escaping in XML, JSON or a raw body.
 */
public final class Stamp {
  /** Marks a message sent to one session. */
  public static final String SINGLE = "@t=";
  /** Marks a message of a broadcast. */
  public static final String BROADCAST = "@b=";
  private static final int DIGITS = 19;

  private Stamp() {}

  /**
   * {@code marker} and the time now, then {@code padding} dots: a payload of a fixed size.
   *
   * @param marker {@link #SINGLE} or {@link #BROADCAST}
   * @param padding dots to append
   * @return the payload
   */
  public static String now(String marker, int padding) {
    // Not String.format: the producer calls this for every message, in every server alike.
    String time = Long.toString(System.nanoTime());
    StringBuilder payload = new StringBuilder(marker.length() + DIGITS + 1 + padding).append(marker);
    for (int i = time.length(); i < DIGITS; i++) {
      payload.append('0');
    }
    return payload.append(time).append('@').append(".".repeat(padding)).toString();
  }

  /**
   * Calls {@code stamps} with every stamp after {@code marker} in {@code body}, in order.
   *
   * @param body an answer body
   * @param marker {@link #SINGLE} or {@link #BROADCAST}
   * @param stamps receives each stamp's {@link System#nanoTime()} value
   */
  public static void scan(String body, String marker, LongConsumer stamps) {
    int at = body.indexOf(marker);
    while (at >= 0 && at + marker.length() + DIGITS <= body.length()) {
      int from = at + marker.length();
      stamps.accept(Long.parseLong(body, from, from + DIGITS, 10));
      at = body.indexOf(marker, from + DIGITS);
    }
  }
}
