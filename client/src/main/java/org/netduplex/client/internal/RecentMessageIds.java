package org.netduplex.client.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last few WS-Addressing message ids seen, so a message the server sent again (its first answer
 * was lost on the way) is delivered once. SOAP 1.1 Net Duplex messages carry no id and pass through.
 */
public final class RecentMessageIds {
  private final int capacity;
  private final Map<String, Boolean> ids;

  public RecentMessageIds(int capacity) {
    this.capacity = capacity;
    this.ids = new LinkedHashMap<>(capacity * 2, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > RecentMessageIds.this.capacity;
      }
    };
  }

  /** True the first time {@code id} is seen (or when it is null), false for a repeat. */
  public synchronized boolean firstTime(String id) {
    return id == null || ids.put(id, Boolean.TRUE) == null;
  }
}
