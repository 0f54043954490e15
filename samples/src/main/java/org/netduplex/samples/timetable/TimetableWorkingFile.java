package org.netduplex.samples.timetable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * The file the server watches and a person edits: the one given, or a copy of the bundled sample in a
 * new temporary directory. A missing given file is created from the sample; a temporary directory is
 * deleted, with whatever an editor left in it, on {@link #close}. A given file is never deleted.
 */
final class TimetableWorkingFile implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(TimetableWorkingFile.class.getName());
  /** The sample a new working file starts from. */
  static final String SAMPLE_RESOURCE = "/timetable/timetable.xml";

  private final Path file;
  private final Path ownedDirectory;

  private TimetableWorkingFile(Path file, Path ownedDirectory) {
    this.file = file;
    this.ownedDirectory = ownedDirectory;
  }

  /** {@code file}, made from the sample if it does not exist. */
  static TimetableWorkingFile at(Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      throw new IllegalArgumentException("Not a timetable file but a directory: " + absolute);
    }
    if (!Files.exists(absolute)) {
      Files.createDirectories(absolute.getParent());
      copySample(absolute);
    }
    return new TimetableWorkingFile(absolute, null);
  }

  /** A copy of the sample in a new temporary directory, deleted on close. */
  static TimetableWorkingFile temporary() throws IOException {
    Path directory = Files.createTempDirectory("netduplex-timetable");
    Path file = directory.resolve("timetable.xml");
    try {
      copySample(file);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(directory);
      throw e;
    }
    return new TimetableWorkingFile(file, directory);
  }

  Path path() {
    return file;
  }

  private static void copySample(Path target) throws IOException {
    try (InputStream in = TimetableWorkingFile.class.getResourceAsStream(SAMPLE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + SAMPLE_RESOURCE);
      }
      Files.copy(in, target);
    }
  }

  /** Deletes the temporary directory, if this made one; a failure is logged, not thrown. */
  @Override
  public void close() {
    if (ownedDirectory == null) {
      return;
    }
    try (DirectoryStream<Path> left = Files.newDirectoryStream(ownedDirectory)) {
      for (Path p : left) {
        Files.deleteIfExists(p); // the file, and an editor's backup or swap file
      }
    } catch (IOException e) {
      LOG.fine(() -> "Emptying " + ownedDirectory + ": " + e);
    }
    try {
      Files.deleteIfExists(ownedDirectory);
    } catch (IOException e) {
      LOG.info("Could not delete the temporary timetable directory " + ownedDirectory + ": " + e);
    }
  }
}
