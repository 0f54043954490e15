package org.netduplex.samples.timetable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimetableLoaderTest {
  private static final String GOOD = "<Timetable><Race UniqueID='a' Line='4' Destination='Depot' Time='08:05'/></Timetable>";
  private final Logger logger = Logger.getLogger(TimetableLoader.class.getName());
  private final List<LogRecord> logged = new ArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord r) {
      logged.add(r);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @TempDir
  Path dir;

  @BeforeEach
  void capture() {
    logger.addHandler(handler);
  }

  @AfterEach
  void release() {
    logger.removeHandler(handler);
  }

  @Test
  void aGoodFileIsLoadedSilently() throws IOException {
    Path file = Files.writeString(dir.resolve("t.xml"), GOOD);
    assertEquals(1, new TimetableLoader(file).load().orElseThrow().size());
    assertEquals(List.of(), logged);
  }

  @Test
  void theSameProblemReadAgainIsLoggedOnce() throws IOException {
    Path file = Files.writeString(dir.resolve("t.xml"), "<Timetable><Race UniqueID='a' Time='08:0");
    TimetableLoader loader = new TimetableLoader(file);
    for (int i = 0; i < 5; i++) {
      assertTrue(loader.load().isEmpty());
    }
    assertEquals(5, loader.refused());
    assertEquals(1, logged.size());
    assertEquals(Level.WARNING, logged.get(0).getLevel());
    assertTrue(logged.get(0).getMessage().contains("the last good timetable stays"), logged.get(0).getMessage());
  }

  @Test
  void aDifferentProblemAndTheRecoveryAreEachLogged() throws IOException {
    Path file = Files.writeString(dir.resolve("t.xml"), "");
    TimetableLoader loader = new TimetableLoader(file);
    loader.load();
    Files.writeString(file, "<Timetable><Race UniqueID='a' Time='8:05'/></Timetable>");
    loader.load();
    loader.load();
    Files.writeString(file, GOOD);
    assertTrue(loader.load().isPresent());
    Files.delete(file);
    assertTrue(loader.load().isEmpty());

    List<String> messages = logged.stream().map(LogRecord::getMessage).toList();
    assertEquals(4, messages.size(), messages.toString());
    assertTrue(messages.get(0).contains("file is empty"), messages.get(0));
    assertTrue(messages.get(1).contains("write HH:mm"), messages.get(1));
    assertTrue(messages.get(2).contains("is valid again (1 races)"), messages.get(2));
    assertTrue(messages.get(3).contains("the file is gone"), messages.get(3));
  }
}
