package org.netduplex.samples.timetable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the timetable file: a whole, valid file or a refusal that says why; never a half table. */
class TimetableFileTest {
  @Test
  void racesAreReadWithEveryField() throws Exception {
    Timetable t = parse("<Timetable><Race UniqueID='a' Line='4' Destination='Piazza &amp; Co' Time='08:05'/>"
        + "<Race UniqueID='b' Time='23:59'></Race></Timetable>");
    assertEquals(List.of(new TimetableEntry("a", "4", "Piazza & Co", "08:05"), new TimetableEntry("b", null, null, "23:59")),
        List.copyOf(t.races()));
  }

  @Test
  void theShippedSampleIsAValidTimetable() throws Exception {
    try (InputStream in = TimetableFileTest.class.getResourceAsStream(TimetableWorkingFile.SAMPLE_RESOURCE)) {
      assertEquals(8, TimetableFile.parse(in.readAllBytes()).size());
    }
  }

  @Test
  void anEmptyTimetableIsValid() throws Exception {
    assertEquals(0, parse("<?xml version='1.0'?><!-- nothing today --><Timetable/>").size());
  }

  @Test
  void anEmptyOrHalfWrittenFileIsRefused() {
    assertRefused("", "empty");
    assertRefused("<Timetable><Race UniqueID='a' Time='08:05'/><Ra", "not well-formed");
    assertRefused("<Timetable><Race UniqueID='a' Time='08:05'/>", "not well-formed");
  }

  @Test
  void aRaceWithoutIdOrWithABadTimeIsRefusedWithItsLine() {
    assertRefused("<Timetable>\n<Race Time='08:05'/></Timetable>", "line 2: a Race has no UniqueID");
    assertRefused("<Timetable><Race UniqueID='a'/></Timetable>", "Race a has no Time");
    assertRefused("<Timetable><Race UniqueID='a' Time='8:5'/></Timetable>", "write HH:mm");
    assertRefused("<Timetable><Race UniqueID='a' Time='25:00'/></Timetable>", "write HH:mm");
  }

  @Test
  void aDuplicateUniqueIdIsRefused() {
    assertRefused("<Timetable><Race UniqueID='a' Time='08:05'/><Race UniqueID='a' Time='09:05'/></Timetable>",
        "UniqueID a appears twice");
  }

  @Test
  void unknownElementsAreRefused() {
    assertRefused("<Races/>", "expected <Timetable>");
    assertRefused("<Timetable><Bus UniqueID='a' Time='08:05'/></Timetable>", "expected <Race>");
    assertRefused("<Timetable><Race UniqueID='a' Time='08:05'><Note/></Race></Timetable>", "no child elements");
  }

  @Test
  void aDoctypeIsRefusedSoNoEntityIsEverExpanded() {
    assertRefused("<!DOCTYPE Timetable [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
        + "<Timetable><Race UniqueID='&x;' Time='08:05'/></Timetable>", "not well-formed");
  }

  @Test
  void overlongFieldsAndOversizedFilesAreRefused() {
    assertRefused("<Timetable><Race UniqueID='a' Time='08:05' Destination='" + "x".repeat(201) + "'/></Timetable>",
        "Destination longer than 200");
    TimetableFile.InvalidTimetableException e = assertThrows(TimetableFile.InvalidTimetableException.class,
        () -> TimetableFile.parse(new byte[TimetableFile.MAX_BYTES + 1]));
    assertTrue(e.getMessage().contains("more than"), e.getMessage());
  }

  @Test
  void aMissingLineOrDestinationIsNil() throws Exception {
    TimetableEntry race = parse("<Timetable><Race UniqueID='a' Time='08:05'/></Timetable>").race("a");
    assertNull(race.line());
    assertNull(race.destination());
  }

  private static Timetable parse(String xml) throws TimetableFile.InvalidTimetableException {
    return TimetableFile.parse(xml.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertRefused(String xml, String reason) {
    TimetableFile.InvalidTimetableException e =
        assertThrows(TimetableFile.InvalidTimetableException.class, () -> parse(xml), xml);
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }
}
