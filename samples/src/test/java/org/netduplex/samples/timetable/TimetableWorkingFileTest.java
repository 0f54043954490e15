package org.netduplex.samples.timetable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimetableWorkingFileTest {
  @TempDir
  Path dir;

  @Test
  void theDefaultIsATemporaryCopyOfTheSampleDeletedWithWhatAnEditorLeft() throws Exception {
    TimetableWorkingFile working = TimetableWorkingFile.temporary();
    Path file = working.path();
    assertEquals(8, TimetableFile.read(file).size());
    Files.writeString(file.resolveSibling("timetable.xml~"), "backup");
    Files.writeString(file.resolveSibling(".timetable.xml.swp"), "swap");
    working.close();
    assertFalse(Files.exists(file.getParent()), "the temporary directory stays");
  }

  @Test
  void aMissingGivenFileIsMadeFromTheSampleAndKept() throws Exception {
    Path file = dir.resolve("a/b/stop.xml");
    TimetableWorkingFile working = TimetableWorkingFile.at(file);
    assertEquals(file, working.path());
    assertEquals(8, TimetableFile.read(file).size());
    working.close();
    assertTrue(Files.exists(file));
  }

  @Test
  void anExistingGivenFileIsLeftAsItIs() throws IOException {
    Path file = Files.writeString(dir.resolve("mine.xml"), "<Timetable/>");
    TimetableWorkingFile.at(file).close();
    assertEquals("<Timetable/>", Files.readString(file));
  }

  @Test
  void aDirectoryIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimetableWorkingFile.at(dir));
    assertTrue(e.getMessage().contains("directory"), e.getMessage());
  }
}
