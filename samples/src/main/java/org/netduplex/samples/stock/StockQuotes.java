package org.netduplex.samples.stock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.netduplex.stock.Stock;

/** The current quote of each symbol, with its notes. Hands out copies: {@link Stock} is mutable. */
final class StockQuotes {
  private final Map<String, Stock> quotes = new ConcurrentHashMap<>();
  private final List<String> symbols;
  private final Random random;

  StockQuotes(Random random, List<String> symbols) {
    this.random = random;
    this.symbols = List.copyOf(symbols);
    for (String symbol : symbols) {
      double bid = round(20 + random.nextDouble() * 280);
      quotes.put(symbol, stock(symbol, bid + 0.5, bid, null));
    }
  }

  List<Stock> all() {
    List<Stock> copies = new ArrayList<>();
    for (String symbol : symbols) {
      copies.add(copy(quotes.get(symbol)));
    }
    return copies;
  }

  /** Moves one random symbol's price a little and returns its new quote. */
  Stock tick() {
    String symbol = symbols.get(random.nextInt(symbols.size()));
    Stock changed = quotes.compute(symbol, (s, old) -> {
      double bid = round(Math.max(1, old.getBid() * (1 + (random.nextDouble() - 0.5) / 50)));
      double spread = round(0.1 + random.nextDouble());
      return stock(s, round(bid + spread), bid, old.getNotes());
    });
    return copy(changed);
  }

  /** Records notes for a known symbol; false for an unknown one. */
  boolean annotate(String symbol, String notes) {
    return quotes.computeIfPresent(symbol, (s, old) -> stock(s, old.getAsk(), old.getBid(), notes)) != null;
  }

  static Stock stock(String symbol, double ask, double bid, String notes) {
    Stock s = new Stock();
    s.setSymbol(symbol);
    s.setAsk(ask);
    s.setBid(bid);
    s.setNotes(notes);
    return s;
  }

  private static Stock copy(Stock s) {
    return stock(s.getSymbol(), s.getAsk(), s.getBid(), s.getNotes());
  }

  private static double round(double d) {
    return Math.round(d * 100) / 100.0;
  }
}
