package org.netduplex.samples.timetable;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import org.netduplex.core.Scheduler;
import org.netduplex.core.SystemScheduler;
import org.netduplex.samples.SampleServer;
import org.netduplex.samples.ServerOptions;
import org.netduplex.server.PollingDuplexFeature;

/**
 * The bus timetable server of seed 003: ITimeService at {@code /TimetableService}, the timetable page
 * at {@code /} and the status page at {@code /status}. It watches a timetable file (see
 * {@link TimetableFile}) and pushes what changed to every registered client; a file that does not
 * parse is logged once and skipped, and the last good timetable stays. The watch runs through
 * {@link PollingDuplexFeature#runOnOneNode}: in a cluster, one node watches the file (which every
 * node must see: one machine, or a shared disk) and publishes each change once.
 *
 * <p>This class only wires the parts together: {@link TimetableWorkingFile} (which file),
 * {@link TimetableWatcher} and {@link Debouncer} (when to read it), {@link TimetableLoader} (reading it)
 * and {@link TimetableServiceImpl} (who gets what).
 */
public final class TimetableServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(TimetableServer.class.getName());

  /** The watch's lease, the same on every node. */
  static final String WATCHER = "timetable-watcher";

  private final TimetableWorkingFile file;
  private final TimetableLoader loader;
  private final Timetable initial;
  private final SystemScheduler ownedScheduler;
  private final ExecutorService reloader;
  private final Debouncer debouncer;
  private SampleServer<TimetableServiceImpl> sample;
  private TimetableServiceImpl service;
  private AutoCloseable watch;
  private volatile boolean watching;
  private volatile boolean closed;

  private TimetableServer(Options o, TimetableWorkingFile file) {
    this.file = file;
    this.loader = new TimetableLoader(file.path());
    this.initial = loader.load().orElse(Timetable.EMPTY);
    this.ownedScheduler = o.config().scheduler() == null ? new SystemScheduler("timetable-debounce", 1) : null;
    Scheduler scheduler = o.config().scheduler() != null ? o.config().scheduler() : ownedScheduler;
    this.reloader = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "timetable-reload");
      t.setDaemon(true);
      return t;
    });
    this.debouncer = new Debouncer(scheduler, o.debounce, reloader, this::reload);
  }

  /** Starts a server; see {@link Options} for the defaults. */
  public static TimetableServer start(Options o) throws IOException {
    TimetableWorkingFile file = o.file == null ? TimetableWorkingFile.temporary() : TimetableWorkingFile.at(o.file);
    TimetableServer server = null;
    try {
      TimetableServer s = new TimetableServer(o, file);
      server = s;
      s.sample = new SampleServer<>("bus timetable", o.host(), o.port(), "TimetableService", o.maxThreads(), o.config(),
          duplex -> new TimetableServiceImpl(s.initial, duplex.groups(), s.loader::load),
          web -> web.file("/", "timetable.html").file("/timetable.js", "timetable.js"));
      s.service = s.sample.service();
      s.watch = s.sample.duplex().runOnOneNode(WATCHER, s::startWatching);
    } catch (RuntimeException e) {
      if (server != null) {
        server.close();
      } else {
        file.close();
      }
      throw e;
    }
    return server;
  }

  /**
   * This node holds the watch: watches the file, then reads it (so a write before the watch started
   * is not lost) and sends every subscriber the whole table. Returns what stops watching.
   */
  private AutoCloseable startWatching() throws Exception {
    TimetableWatcher watcher = new TimetableWatcher(file.path(), debouncer::trigger);
    AutoCloseable stop = () -> {
      watching = false;
      service.stopWatching();
      watcher.close();
    };
    watching = true;
    try {
      service.startWatching(loader.load().orElse(service.current()));
    } catch (RuntimeException e) { // the store failed: the lease is given up, so stop watching here
      stop.close();
      throw e;
    }
    return stop;
  }

  /** The SOAP 1.1 endpoint (Silverlight 2). */
  public String address() {
    return sample.address();
  }

  /** The SOAP 1.2 + WS-Addressing endpoint, text or binary (Silverlight 3+). */
  public String soap12Address() {
    return sample.soap12Address();
  }

  /** Both endpoints with their profiles, one per line, as start-up prints them. */
  public String describeEndpoints() {
    return sample.describeEndpoints();
  }

  /** The timetable page, served next to the endpoint. */
  public String pageAddress() {
    return sample.pageAddress();
  }

  /** The file the server watches; edit it and the pages change. */
  public Path file() {
    return file.path();
  }

  public PollingDuplexFeature duplex() {
    return sample.duplex();
  }

  /** Reads the file now and sends what changed, as the watcher does after a change. */
  void reload() {
    if (closed || !watching) {
      return;
    }
    loader.load().ifPresent(next -> {
      TimetableDiff diff = service.publish(next);
      if (!diff.isEmpty()) {
        LOG.info(() -> "Timetable changed: " + diff.addedOrModified().size() + " races added or modified, "
            + diff.deleted().size() + " deleted; sent to " + service.subscriberCount() + " clients");
      }
    });
  }

  /** Whether this node watches the file now (in a cluster, one node at a time). */
  boolean watching() {
    return watching;
  }

  /** Reads refused (malformed, half written, gone). */
  int reloadsRefused() {
    return loader.refused();
  }

  int subscriberCount() {
    return service.subscriberCount();
  }

  /** Stops watching, stops the endpoint and ends every session; deletes the temporary file it made. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    debouncer.close();
    if (watch != null) {
      try {
        watch.close(); // gives up the lease at once, so another node watches
      } catch (Exception e) {
        LOG.warning("The watch did not stop cleanly: " + e);
      }
    }
    reloader.shutdownNow();
    if (sample != null) {
      sample.close();
    }
    if (ownedScheduler != null) {
      ownedScheduler.close();
    }
    file.close();
  }

  /**
   * Settings of a timetable server: those of every sample server (port 10202; the endpoint's scheduler,
   * if set, also times the debounce), the file and the debounce.
   */
  public static final class Options extends ServerOptions<Options> {
    Path file;
    Duration debounce = Duration.ofMillis(200);

    public Options() {
      super(10202);
    }

    @Override
    protected Options self() {
      return this;
    }

    /**
     * The timetable file to watch; if it does not exist, the sample timetable is copied there. Default:
     * a copy of the sample in a new temporary directory, deleted on close.
     */
    public Options file(Path file) {
      this.file = file;
      return this;
    }

    /** Quiet time after the last change event before the file is read. Default 200 ms. */
    public Options debounce(Duration debounce) {
      this.debounce = debounce;
      return this;
    }
  }
}
