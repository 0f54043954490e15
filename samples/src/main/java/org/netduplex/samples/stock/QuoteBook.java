package org.netduplex.samples.stock;

import java.util.Map;

/**
 * Where the current quotes are kept: prices (written by the ticker, on one node) apart from notes
 * (written by any node's {@code Sync}), so neither write can undo the other. Every node of a cluster
 * must read one book, or a client registering on a node that does not tick would get that node's
 * stale prices: {@link LocalQuoteBook} is one node's, {@link RedisQuoteBook} the cluster's.
 */
interface QuoteBook {
  /** A symbol's price: ask and bid. */
  record Price(double ask, double bid) {}

  /** Sets the prices of symbols that have none yet (a node joining a running cluster keeps the cluster's). */
  void putIfAbsent(Map<String, Price> initial);

  /** The price of each symbol that has one. */
  Map<String, Price> prices();

  /** The notes of each symbol that has some. */
  Map<String, String> notes();

  Price price(String symbol);

  void putPrice(String symbol, Price price);

  void putNotes(String symbol, String notes);
}
