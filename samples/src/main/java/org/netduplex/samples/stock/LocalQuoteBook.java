package org.netduplex.samples.stock;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The quotes of one node, in memory. */
final class LocalQuoteBook implements QuoteBook {
  private final Map<String, Price> prices = new ConcurrentHashMap<>();
  private final Map<String, String> notes = new ConcurrentHashMap<>();

  @Override
  public void putIfAbsent(Map<String, Price> initial) {
    initial.forEach(prices::putIfAbsent);
  }

  @Override
  public Map<String, Price> prices() {
    return Map.copyOf(prices);
  }

  @Override
  public Map<String, String> notes() {
    return Map.copyOf(notes);
  }

  @Override
  public Price price(String symbol) {
    return prices.get(symbol);
  }

  @Override
  public void putPrice(String symbol, Price price) {
    prices.put(symbol, price);
  }

  @Override
  public void putNotes(String symbol, String text) {
    if (text == null) {
      notes.remove(symbol);
    } else {
      notes.put(symbol, text);
    }
  }
}
