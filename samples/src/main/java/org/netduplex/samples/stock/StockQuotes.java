package org.netduplex.samples.stock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.netduplex.stock.Stock;

/**
 * The current quote of each symbol, with its notes, kept in a {@link QuoteBook}. Hands out new
 * {@link Stock}s: they are mutable.
 */
final class StockQuotes {
  private final QuoteBook book;
  private final List<String> symbols;
  private final Random random;

  StockQuotes(Random random, List<String> symbols, QuoteBook book) {
    this.random = random;
    this.symbols = List.copyOf(symbols);
    this.book = book;
    Map<String, QuoteBook.Price> initial = new LinkedHashMap<>();
    for (String symbol : symbols) {
      double bid = round(20 + random.nextDouble() * 280);
      initial.put(symbol, new QuoteBook.Price(bid + 0.5, bid));
    }
    book.putIfAbsent(initial);
  }

  List<Stock> all() {
    Map<String, QuoteBook.Price> prices = book.prices();
    Map<String, String> notes = book.notes();
    List<Stock> all = new ArrayList<>();
    for (String symbol : symbols) {
      QuoteBook.Price p = prices.get(symbol);
      if (p != null) {
        all.add(stock(symbol, p.ask(), p.bid(), notes.get(symbol)));
      }
    }
    return all;
  }

  /** Moves one random symbol's price a little and returns its new quote. Called by the ticker only. */
  Stock tick() {
    String symbol = symbols.get(random.nextInt(symbols.size()));
    QuoteBook.Price old = book.price(symbol);
    double bid = round(Math.max(1, old.bid() * (1 + (random.nextDouble() - 0.5) / 50)));
    double spread = round(0.1 + random.nextDouble());
    QuoteBook.Price next = new QuoteBook.Price(round(bid + spread), bid);
    book.putPrice(symbol, next);
    return stock(symbol, next.ask(), next.bid(), book.notes().get(symbol));
  }

  /** Records notes for a known symbol; false for an unknown one. */
  boolean annotate(String symbol, String notes) {
    if (!symbols.contains(symbol)) {
      return false;
    }
    book.putNotes(symbol, notes);
    return true;
  }

  static Stock stock(String symbol, double ask, double bid, String notes) {
    Stock s = new Stock();
    s.setSymbol(symbol);
    s.setAsk(ask);
    s.setBid(bid);
    s.setNotes(notes);
    return s;
  }

  private static double round(double d) {
    return Math.round(d * 100) / 100.0;
  }
}
