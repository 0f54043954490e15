package org.netduplex.samples.timetable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netduplex.timetable.RaceUpdate;

/** The diffgram: what a client holding the old image needs to hold the new one, keyed by UniqueID. */
class TimetableDiffTest {
  private static final TimetableEntry A = new TimetableEntry("a", "4", "Central Station", "08:05");
  private static final TimetableEntry B = new TimetableEntry("b", "11", "University", "08:12");
  private static final TimetableEntry C = new TimetableEntry("c", "27", "Airport", "08:24");

  @Test
  void identicalImagesHaveAnEmptyDiff() {
    TimetableDiff diff = TimetableDiff.between(Timetable.of(List.of(A, B)), Timetable.of(List.of(A, B)));
    assertTrue(diff.isEmpty());
  }

  @Test
  void aNewRaceIsAdded() {
    TimetableDiff diff = TimetableDiff.between(Timetable.of(List.of(A)), Timetable.of(List.of(A, B)));
    assertEquals(List.of(B), diff.addedOrModified());
    assertEquals(List.of(), diff.deleted());
  }

  @Test
  void aRaceWhoseTimeChangedIsModifiedNotDeletedAndAdded() {
    TimetableEntry later = new TimetableEntry("b", "11", "University", "08:17");
    TimetableDiff diff = TimetableDiff.between(Timetable.of(List.of(A, B)), Timetable.of(List.of(A, later)));
    assertEquals(List.of(later), diff.addedOrModified());
    assertEquals(List.of(), diff.deleted());
  }

  @Test
  void aChangeInAnyFieldIsAModification() {
    TimetableEntry otherLine = new TimetableEntry("a", "4b", "Central Station", "08:05");
    TimetableEntry otherDestination = new TimetableEntry("b", "11", null, "08:12");
    TimetableDiff diff = TimetableDiff.between(Timetable.of(List.of(A, B)),
        Timetable.of(List.of(otherLine, otherDestination)));
    assertEquals(List.of(otherLine, otherDestination), diff.addedOrModified());
  }

  @Test
  void aMissingRaceIsDeleted() {
    TimetableDiff diff = TimetableDiff.between(Timetable.of(List.of(A, B, C)), Timetable.of(List.of(A, C)));
    assertEquals(List.of(), diff.addedOrModified());
    assertEquals(List.of(B), diff.deleted());
  }

  @Test
  void addedModifiedAndDeletedTogether() {
    TimetableEntry movedA = new TimetableEntry("a", "4", "Central Station", "08:06");
    TimetableDiff diff = TimetableDiff.between(Timetable.of(List.of(A, B)), Timetable.of(List.of(C, movedA)));
    assertEquals(List.of(C, movedA), diff.addedOrModified());
    assertEquals(List.of(B), diff.deleted());
  }

  @Test
  void reorderingTheFileChangesNothing() {
    assertTrue(TimetableDiff.between(Timetable.of(List.of(A, B, C)), Timetable.of(List.of(C, A, B))).isEmpty());
  }

  @Test
  void fromAndToAnEmptyTimetable() {
    assertEquals(List.of(A, B), TimetableDiff.between(Timetable.EMPTY, Timetable.of(List.of(A, B))).addedOrModified());
    assertEquals(List.of(A, B), TimetableDiff.between(Timetable.of(List.of(A, B)), Timetable.EMPTY).deleted());
  }

  @Test
  void theWholeTableIsEveryRaceAsAddedAndMarkedAsSuch() {
    RaceUpdate update = TimetableDiff.fullTable(Timetable.of(List.of(A, B))).toUpdate(true);
    assertTrue(update.isFullTable());
    assertEquals(List.of("a", "b"), update.getAddedOrModified().getRace().stream().map(r -> r.getUniqueID()).toList());
    assertTrue(update.getDeleted().getRace().isEmpty());
    assertEquals("08:12", update.getAddedOrModified().getRace().get(1).getTime());
  }

  @Test
  void aUniqueIdUsedTwiceIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> Timetable.of(List.of(A, new TimetableEntry("a", "9", "Elsewhere", "09:00"))));
  }
}
