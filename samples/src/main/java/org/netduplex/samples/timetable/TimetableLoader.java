package org.netduplex.samples.timetable;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Reads the watched file for the server: a good read is returned; a bad one (half written, malformed,
 * gone) is refused, and the caller keeps its last good timetable. A problem is logged once: reading the
 * same broken file again, as every further watch event does, says nothing more; a different problem
 * or the file becoming good again is logged.
 */
final class TimetableLoader {
  private static final Logger LOG = Logger.getLogger(TimetableLoader.class.getName());

  private final Path file;
  private final AtomicInteger refused = new AtomicInteger();
  private String lastProblem; // guarded by this; null while the file is good

  TimetableLoader(Path file) {
    this.file = file;
  }

  /** The file's timetable, or empty if it is not a valid one now. */
  synchronized Optional<Timetable> load() {
    try {
      Timetable table = TimetableFile.read(file);
      if (lastProblem != null) {
        LOG.info("Timetable file " + file + " is valid again (" + table.size() + " races)");
        lastProblem = null;
      }
      return Optional.of(table);
    } catch (TimetableFile.InvalidTimetableException e) {
      refuse(e.getMessage());
    } catch (NoSuchFileException e) {
      refuse("the file is gone");
    } catch (IOException e) {
      refuse(e.toString());
    }
    return Optional.empty();
  }

  private void refuse(String problem) {
    refused.incrementAndGet();
    if (!problem.equals(lastProblem)) {
      LOG.warning("Timetable file " + file + " not loaded, the last good timetable stays: " + problem);
      lastProblem = problem;
    }
  }

  /** Reads refused (malformed, half written, gone). */
  int refused() {
    return refused.get();
  }
}
