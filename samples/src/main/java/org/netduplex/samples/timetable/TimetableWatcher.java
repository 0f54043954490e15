package org.netduplex.samples.timetable;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.logging.Logger;

/**
 * The seed's FileSystemWatcher: tells {@code onChange} whenever the timetable file is written or
 * replaced. The JDK watches directories, not files, so this watches the file's directory and keeps
 * the events that name the file; a rename onto the file (how careful editors save) is a create. A
 * deletion is ignored: the last good timetable stays until a new file appears.
 */
final class TimetableWatcher implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(TimetableWatcher.class.getName());

  private final Path file;
  private final Runnable onChange;
  private final WatchService watchService;
  private final Thread thread;

  /** Starts watching {@code file}; {@code onChange} runs on the watcher's thread and must be quick. */
  TimetableWatcher(Path file, Runnable onChange) throws IOException {
    this.file = file.toAbsolutePath();
    this.onChange = onChange;
    this.watchService = this.file.getFileSystem().newWatchService();
    this.file.getParent().register(watchService, ENTRY_CREATE, ENTRY_MODIFY);
    this.thread = new Thread(this::run, "timetable-watcher");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      while (true) {
        WatchKey key = watchService.take();
        boolean changed = false;
        for (WatchEvent<?> event : key.pollEvents()) {
          // OVERFLOW: events were lost, the file may be among them
          changed |= event.kind() == OVERFLOW || file.getFileName().equals(event.context());
        }
        if (!key.reset()) {
          LOG.warning("The directory of " + file + " can no longer be watched; the timetable stays as it is");
          return;
        }
        if (changed) {
          onChange.run();
        }
      }
    } catch (ClosedWatchServiceException e) {
      // closed: done
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    try {
      watchService.close();
    } catch (IOException e) {
      LOG.fine(() -> "Closing the watch service: " + e);
    }
  }
}
