package org.netduplex.client.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last few WS-Addressing message ids seen, so a message a server sent again with the same
 * {@code wsa:MessageID} (its first answer was lost on the way) is delivered once. Messages without
 * an id pass through: SOAP 1.1 Net Duplex messages carry none, and neither do NetDuplex's own
 * server's (it re-sends only what it could not write, which the client never received).
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
