package org.netduplex.samples.timetable;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An image of the timetable file: its races by UniqueID, in file order. Immutable, so the service can
 * hand the current image to a new client while the watcher builds the next one.
 */
final class Timetable {
  static final Timetable EMPTY = new Timetable(Map.of());

  private final Map<String, TimetableEntry> byId;

  private Timetable(Map<String, TimetableEntry> byId) {
    this.byId = byId;
  }

  /** An image of {@code races}; a UniqueID that appears twice is refused, since the diff keys on it. */
  static Timetable of(List<TimetableEntry> races) {
    Map<String, TimetableEntry> byId = new LinkedHashMap<>();
    for (TimetableEntry race : races) {
      if (byId.putIfAbsent(race.uniqueId(), race) != null) {
        throw new IllegalArgumentException("UniqueID " + race.uniqueId() + " appears twice");
      }
    }
    return new Timetable(Collections.unmodifiableMap(byId));
  }

  Collection<TimetableEntry> races() {
    return byId.values();
  }

  TimetableEntry race(String uniqueId) {
    return byId.get(uniqueId);
  }

  int size() {
    return byId.size();
  }
}
