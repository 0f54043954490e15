package org.netduplex.samples.timetable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netduplex.client.ClientState;
import org.netduplex.client.PollingDuplexClient;
import org.netduplex.samples.TwoNodes;
import org.netduplex.testing.Eventually;
import org.netduplex.timetable.ITimeService;
import org.netduplex.timetable.ITimeServiceCallback;
import org.netduplex.timetable.Race;
import org.netduplex.timetable.RaceUpdate;

/**
 * Two timetable nodes on one real Redis reading one file, a client whose connections alternate between
 * them: one node watches, so each edit reaches the client as one diff (two watchers would send each
 * diff twice); when the watching node stops, the other watches and sends the whole table once, since
 * it cannot know what was sent before.
 */
class TimetableClusterTest {
  @TempDir
  Path dir;
  private final BlockingQueue<RaceUpdate> updates = new LinkedBlockingQueue<>();

  @Test
  void oneNodeWatchesTheFileAndEachEditArrivesOnce() throws Exception {
    Path file = dir.resolve("timetable.xml");
    try (TwoNodes nodes = TwoNodes.of("timetable");
        TimetableServer a = start(nodes, 0, file);
        TimetableServer b = start(nodes, 1, file);
        PollingDuplexClient<ITimeService> client = client(nodes.viaProxy(a.address()))) {
      Eventually.await("a node watches", () -> a.watching() || b.watching());
      assertFalse(a.watching() && b.watching(), "both nodes watch the file");
      client.service().register();
      assertTrue(next().isFullTable());

      edit(file, "Time=\"08:12\"", "Time=\"08:17\"");
      assertEquals(Map.of("11-0812", "08:17"), races(diff()));
      edit(file, "Time=\"08:54\"", "Time=\"08:55\"");
      assertEquals(Map.of("27-0854", "08:55"), races(diff()), "the first edit came twice");

      TimetableServer watcher = a.watching() ? a : b;
      TimetableServer other = watcher == a ? b : a;
      watcher.close(); // gives up the watch: the other node takes it over
      Eventually.await("the other node watches", Duration.ofSeconds(10), other::watching);
      RaceUpdate whole = next();
      assertTrue(whole.isFullTable(), "a new watcher sends the whole table");
      assertEquals("08:17", races(whole).get("11-0812"));
      assertEquals("08:55", races(whole).get("27-0854"));

      edit(file, "Time=\"08:05\"", "Time=\"08:06\"");
      assertEquals(Map.of("4-0805", "08:06"), races(diff()));
      assertEquals(ClientState.OPEN, client.state(), "the client kept its session");
    }
  }

  private static TimetableServer start(TwoNodes nodes, int i, Path file) throws IOException {
    return TimetableServer.start(new TimetableServer.Options().port(nodes.port(i)).file(file)
        .debounce(Duration.ofMillis(20)).config(nodes.config(i)));
  }

  private static void edit(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertTrue(text.contains(from), from);
    Files.writeString(file, text.replace(from, to));
  }

  private RaceUpdate diff() throws InterruptedException {
    RaceUpdate update = next();
    assertFalse(update.isFullTable(), "a whole table where a diff was due");
    return update;
  }

  private RaceUpdate next() throws InterruptedException {
    RaceUpdate update = updates.poll(10, TimeUnit.SECONDS);
    assertNotNull(update, "no update came");
    return update;
  }

  /** UniqueID to Time of the races an update adds or modifies. */
  private static Map<String, String> races(RaceUpdate update) {
    Map<String, String> races = new LinkedHashMap<>();
    for (Race r : update.getAddedOrModified().getRace()) {
      races.put(r.getUniqueID(), r.getTime());
    }
    return races;
  }

  private PollingDuplexClient<ITimeService> client(URI address) {
    return PollingDuplexClient.builder(address)
        .callback(ITimeServiceCallback.class, updates::add)
        .config(TwoNodes.clientConfig())
        .build(ITimeService.class);
  }
}
