package org.netduplex.server.internal.front;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The poll fronts of the endpoints a servlet serves in this web application, by endpoint address
 * (the path under CXF's servlet, {@code /StockService}), for {@code PollFrontFilter} to find. Static:
 * one per class loader, so one per web application that bundles NetDuplex.
 */
public final class ServletFronts {
  /** Two live endpoints with one address (in tests, two servers in one class loader): neither is served by the front. */
  private static final PollFront AMBIGUOUS = null;
  private static final Map<String, Entry> FRONTS = new ConcurrentHashMap<>();

  private record Entry(PollFront front, int count) {}

  private ServletFronts() {}

  /** Registers {@code front} for {@code address}; returns its removal. */
  public static Runnable register(String address, PollFront front) {
    FRONTS.merge(address, new Entry(front, 1), (old, added) -> new Entry(AMBIGUOUS, old.count() + 1));
    return () -> FRONTS.computeIfPresent(address, (a, old) -> old.count() == 1 ? null : new Entry(AMBIGUOUS, old.count() - 1));
  }

  /** The front for a request to {@code address} (the path after CXF's servlet path), or null. */
  public static PollFront forAddress(String address) {
    Entry e = address == null ? null : FRONTS.get(address);
    return e == null ? null : e.front();
  }
}
