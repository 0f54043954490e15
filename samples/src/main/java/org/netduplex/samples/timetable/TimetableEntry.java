package org.netduplex.samples.timetable;

import java.util.Objects;
import org.netduplex.timetable.Race;

/**
 * One race of the timetable, as read from the file. A value (unlike the generated {@link Race}, which
 * is mutable and has no equals), so the diff can tell a modified race from an unchanged one.
 */
record TimetableEntry(String uniqueId, String line, String destination, String time) {
  TimetableEntry {
    Objects.requireNonNull(uniqueId, "uniqueId");
  }

  /** The race as the contract sends it; a new object each time, since {@link Race} is mutable. */
  Race toRace() {
    Race r = new Race();
    r.setUniqueID(uniqueId);
    r.setLine(line);
    r.setDestination(destination);
    r.setTime(time);
    return r;
  }
}
