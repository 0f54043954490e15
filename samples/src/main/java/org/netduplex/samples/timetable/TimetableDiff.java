package org.netduplex.samples.timetable;

import java.util.ArrayList;
import java.util.List;
import org.netduplex.timetable.ArrayOfRace;
import org.netduplex.timetable.RaceUpdate;

/**
 * The seed's "diffgram" between two images of the timetable, keyed by UniqueID: races that are new or
 * differ in any field, and races that are gone. A client that applies it to the old image holds the new
 * one, so the server sends this instead of the whole table.
 */
record TimetableDiff(List<TimetableEntry> addedOrModified, List<TimetableEntry> deleted) {
  TimetableDiff {
    addedOrModified = List.copyOf(addedOrModified);
    deleted = List.copyOf(deleted);
  }

  /** What changed from {@code before} to {@code after}; in the file order of each image. */
  static TimetableDiff between(Timetable before, Timetable after) {
    List<TimetableEntry> changed = new ArrayList<>();
    for (TimetableEntry race : after.races()) {
      if (!race.equals(before.race(race.uniqueId()))) {
        changed.add(race);
      }
    }
    List<TimetableEntry> gone = new ArrayList<>();
    for (TimetableEntry race : before.races()) {
      if (after.race(race.uniqueId()) == null) {
        gone.add(race);
      }
    }
    return new TimetableDiff(changed, gone);
  }

  /** The first message a client gets: every race as added. */
  static TimetableDiff fullTable(Timetable table) {
    return new TimetableDiff(new ArrayList<>(table.races()), List.of());
  }

  boolean isEmpty() {
    return addedOrModified.isEmpty() && deleted.isEmpty();
  }

  RaceUpdate toUpdate(boolean fullTable) {
    RaceUpdate update = new RaceUpdate();
    update.setAddedOrModified(array(addedOrModified));
    update.setDeleted(array(deleted));
    update.setFullTable(fullTable);
    return update;
  }

  private static ArrayOfRace array(List<TimetableEntry> races) {
    ArrayOfRace array = new ArrayOfRace();
    for (TimetableEntry race : races) {
      array.getRace().add(race.toRace());
    }
    return array;
  }
}
