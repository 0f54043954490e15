package org.netduplex.samples.timetable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.testing.Eventually;
import org.netduplex.testing.SoapHttp;
import org.netduplex.testing.WireClient;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The timetable server over loopback with a real file and the real directory watch: raw polling duplex
 * clients register and read the RaceUpdate bodies they are sent. A poll returns the first message
 * queued for its client, so "the next message is this diff" also proves nothing came before it.
 */
class TimetableServerTest {
  private static final String NS = "urn:netduplex:samples:timetable";
  private static final String REGISTER = NS + "/ITimeService/Register";
  private static final Set<String> SAMPLE_IDS =
      Set.of("4-0805", "11-0812", "4-0820", "27-0824", "11-0832", "4-0835", "N3-0841", "27-0854");

  @TempDir
  Path dir;
  private Path file;
  private TimetableServer server;
  private SoapHttp http;

  @BeforeEach
  void start() throws IOException {
    start(DuplexServerConfig.builder().pollTimeout(Duration.ofSeconds(15)).build());
  }

  private void start(DuplexServerConfig config) throws IOException {
    if (server != null) {
      server.close();
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    file = dir.resolve("stop").resolve("timetable.xml"); // not there yet: the sample is copied to it
    server = TimetableServer.start(new TimetableServer.Options().port(port).file(file)
        .debounce(Duration.ofMillis(20)).config(config));
    http = new SoapHttp(URI.create(server.address()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aNewClientGetsTheWholeTableFirst() {
    assertTrue(Files.exists(file), "the sample was not copied to the file");
    WireClient c = registered();
    Update first = nextUpdate(c);
    assertTrue(first.fullTable);
    assertEquals(SAMPLE_IDS, first.addedOrModified.keySet());
    assertEquals("08:24", first.addedOrModified.get("27-0824"));
    assertEquals(Set.of(), first.deleted);
  }

  @Test
  void anEditPushesOnlyTheDiffToEveryRegisteredClient() throws IOException {
    WireClient a = registered();
    WireClient b = registered();
    nextUpdate(a);
    nextUpdate(b);

    String edited = Files.readString(file)
        .replace("Time=\"08:12\"", "Time=\"08:17\"") // 11-0812 is late
        .replaceAll("\\s*<Race UniqueID=\"N3-0841\"[^>]*/>", "") // N3 cancelled
        .replace("</Timetable>", "<Race UniqueID=\"9-0858\" Line=\"9\" Destination=\"Old Town\" Time=\"08:58\"/></Timetable>");
    Files.writeString(file, edited);

    for (WireClient c : new WireClient[] {a, b}) {
      Update diff = nextUpdate(c);
      assertFalse(diff.fullTable);
      assertEquals(Map.of("11-0812", "08:17", "9-0858", "08:58"), diff.addedOrModified);
      assertEquals(Set.of("N3-0841"), diff.deleted);
    }
    Update late = nextUpdate(registered());
    assertTrue(late.fullTable);
    assertEquals(8, late.addedOrModified.size());
    assertEquals("08:17", late.addedOrModified.get("11-0812"));
  }

  @Test
  void aFileReplacedByARenameIsSeenAsEditorsSaveIt() throws IOException {
    WireClient c = registered();
    nextUpdate(c);
    Path saved = file.resolveSibling("timetable.xml~");
    Files.writeString(saved, "<Timetable><Race UniqueID=\"4-0805\" Line=\"4\" Destination=\"Depot\" Time=\"08:05\"/></Timetable>");
    Files.move(saved, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

    Update diff = nextUpdate(c);
    assertEquals(Set.of("4-0805"), diff.addedOrModified.keySet());
    assertEquals(7, diff.deleted.size());
  }

  @Test
  void aMalformedEditChangesNothingAndTheServerKeepsServing() throws IOException {
    WireClient c = registered();
    nextUpdate(c);
    String good = Files.readString(file);
    int refused = server.reloadsRefused();

    Files.writeString(file, "<Timetable><Race UniqueID=\"4-0805\" Time=\"08:0"); // half written
    Eventually.await("the half-written file refused", () -> server.reloadsRefused() > refused);

    Update newcomer = nextUpdate(registered());
    assertEquals(SAMPLE_IDS, newcomer.addedOrModified.keySet(), "the last good timetable is served");

    Files.writeString(file, good.replace("Time=\"08:54\"", "Time=\"08:55\""));
    Update next = nextUpdate(c);
    assertFalse(next.fullTable, "the bad edit sent something before the good one");
    assertEquals(Map.of("27-0854", "08:55"), next.addedOrModified);
    assertEquals(Set.of(), next.deleted);
  }

  @Test
  void aClientThatMissedADiffGetsTheWholeTableAgainOnceItsQueueHasRoom() throws IOException {
    start(DuplexServerConfig.builder().pollTimeout(Duration.ofSeconds(15)).maxQueuedMessagesPerSession(1).build());
    WireClient c = registered(); // its whole table fills its queue
    Files.writeString(file, Files.readString(file).replace("Time=\"08:54\"", "Time=\"08:59\""));
    Eventually.await("the diff refused by the full queue", () -> server.duplex().metrics().messagesRefused() > 0);

    Update stale = nextUpdate(c);
    assertTrue(stale.fullTable);
    assertEquals("08:54", stale.addedOrModified.get("27-0854"));
    Update caughtUp = nextUpdate(c);
    assertTrue(caughtUp.fullTable, "a diff cannot apply to a table that missed one");
    assertEquals("08:59", caughtUp.addedOrModified.get("27-0854"));
  }

  @Test
  void aBrokenFileAtStartServesAnEmptyTableUntilItIsFixed() throws IOException {
    server.close();
    String good = Files.readString(file);
    Files.writeString(file, "<Timetable>");
    server = null;
    start(DuplexServerConfig.builder().pollTimeout(Duration.ofSeconds(15)).build());
    WireClient c = registered();
    Update first = nextUpdate(c);
    assertTrue(first.fullTable);
    assertEquals(Map.of(), first.addedOrModified);

    Files.writeString(file, good);
    Update fixed = nextUpdate(c);
    assertFalse(fixed.fullTable);
    assertEquals(SAMPLE_IDS, fixed.addedOrModified.keySet());
  }

  /** A registered client whose whole table is queued: one-way calls are answered before they run. */
  private WireClient registered() {
    WireClient c = WireClient.random();
    long queued = server.duplex().metrics().messagesQueued();
    assertEquals(200, http.post(REGISTER, c.register()).statusCode());
    Eventually.await("Register ran and queued the whole table", () -> server.duplex().metrics().messagesQueued() > queued);
    return c;
  }

  /** The next RaceUpdate for {@code c}: one poll, answered at once or when an update comes. */
  private Update nextUpdate(WireClient c) {
    String body = http.post(WireClient.MAKE_CONNECTION, c.makeConnection()).body();
    assertTrue(body.contains(c.sessionIdElement()), body);
    return Update.parse(body);
  }

  /** A received RaceUpdate: UniqueID to Time of the races added or modified, UniqueIDs deleted. */
  private record Update(boolean fullTable, Map<String, String> addedOrModified, Set<String> deleted) {
    static Update parse(String envelope) {
      try {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element update = (Element) f.newDocumentBuilder()
            .parse(new ByteArrayInputStream(envelope.getBytes(StandardCharsets.UTF_8)))
            .getElementsByTagNameNS(NS, "RaceUpdate").item(0);
        if (update == null) {
          throw new AssertionError("No RaceUpdate in " + envelope);
        }
        Map<String, String> changed = races(child(update, "AddedOrModified"));
        return new Update(Boolean.parseBoolean(child(update, "FullTable").getTextContent()), changed,
            races(child(update, "Deleted")).keySet());
      } catch (Exception e) {
        throw new AssertionError("Not a RaceUpdate: " + envelope, e);
      }
    }

    private static Map<String, String> races(Element array) {
      Map<String, String> races = new LinkedHashMap<>();
      NodeList list = array.getElementsByTagNameNS(NS, "Race");
      for (int i = 0; i < list.getLength(); i++) {
        Element race = (Element) list.item(i);
        races.put(child(race, "UniqueID").getTextContent(), child(race, "Time").getTextContent());
      }
      return races;
    }

    private static Element child(Element parent, String name) {
      return (Element) parent.getElementsByTagNameNS(NS, name).item(0);
    }
  }
}
