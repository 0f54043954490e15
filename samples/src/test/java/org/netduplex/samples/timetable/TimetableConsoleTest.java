package org.netduplex.samples.timetable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netduplex.client.ClientState;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.samples.ConsoleOutput;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.timetable.Race;

/** The timetable console client against the timetable server over loopback, with a real file to edit. */
class TimetableConsoleTest {
  private static final DuplexClientConfig CLIENT = DuplexClientConfig.builder().serverPollTimeout(Duration.ofSeconds(1)).build();

  @TempDir
  Path dir;
  private Path file;
  private TimetableServer server;
  private TimetableConsole console;
  private final ConsoleOutput out = new ConsoleOutput();

  @BeforeEach
  void paths() {
    file = dir.resolve("timetable.xml"); // the sample is copied there unless a test wrote its own first
  }

  private void start() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    server = TimetableServer.start(new TimetableServer.Options().port(port).file(file).debounce(Duration.ofMillis(20))
        .config(DuplexServerConfig.builder().pollTimeout(Duration.ofSeconds(1)).build()));
    console = new TimetableConsole(URI.create(server.address()), CLIENT, out.stream);
  }

  @AfterEach
  void stop() {
    if (console != null) {
      console.close();
      server.close();
    }
  }

  @Test
  void theWholeTableIsPrintedFirstSortedByTimeInAlignedColumns() throws IOException {
    // out of time order in the file, and one destination longer than the others
    Files.writeString(file, """
        <Timetable>
          <Race UniqueID="27-0854" Line="27" Destination="Airport" Time="08:54"/>
          <Race UniqueID="4-0805" Line="4" Destination="Central Station" Time="08:05"/>
          <Race UniqueID="N3-0841" Line="N3" Destination="Harbour" Time="08:41"/>
          <Race UniqueID="9-0801" Line="9" Destination="Old Town via Market Square" Time="08:01"/>
          <Race UniqueID="11-0812" Line="11" Destination="University" Time="08:12"/>
        </Timetable>
        """);
    start();
    console.start();

    out.awaitLine("27-0854");
    List<String> lines = out.text().lines().toList();
    int header = lines.indexOf("Timetable, 5 races:");
    assertTrue(header >= 0, out.text());
    assertEquals(List.of(
        "  Time   Line  Destination                 Race",
        "  08:01  9     Old Town via Market Square  9-0801",
        "  08:05  4     Central Station             4-0805",
        "  08:12  11    University                  11-0812",
        "  08:41  N3    Harbour                     N3-0841",
        "  08:54  27    Airport                     27-0854"), lines.subList(header + 1, header + 7));
  }

  @Test
  void aFileEditIsPrintedAsADiffAndTheConsoleKeepsTheTableUpToDate() throws IOException {
    start();
    console.start();
    out.awaitLine("Timetable, 8 races:");
    out.awaitLine("27-0854");

    Files.writeString(file, Files.readString(file)
        .replace("Time=\"08:12\"", "Time=\"08:17\"") // 11-0812 is late
        .replaceAll("\\s*<Race UniqueID=\"N3-0841\"[^>]*/>", "") // N3 cancelled
        .replace("</Timetable>", "<Race UniqueID=\"9-0858\" Line=\"9\" Destination=\"Old Town\" Time=\"08:58\"/></Timetable>"));

    out.awaitLine("2 added or modified, 1 deleted; 8 races in the timetable");
    List<String> diff = out.text().lines().filter(l -> l.startsWith("+ ") || l.startsWith("- ")).toList();
    assertEquals(List.of(
        "+ 08:17  11    University       11-0812",
        "+ 08:58  9     Old Town         9-0858",
        "- 08:41  N3    Harbour          N3-0841"), diff);
    assertEquals(List.of("4-0805", "11-0812", "4-0820", "27-0824", "11-0832", "4-0835", "27-0854", "9-0858"),
        console.races().stream().map(Race::getUniqueID).toList());

    console.run(new BufferedReader(new StringReader("table\nbogus\nquit\ntable\n")));
    assertEquals(2, out.text().lines().filter(l -> l.startsWith("Timetable, 8 races:")).count(), out.text());
    assertTrue(out.text().contains("Unknown command: bogus"), out.text());
    assertEquals(ClientState.OPEN, console.state());
    console.close();
    assertEquals(ClientState.CLOSED, console.state());
    assertFalse(out.text().contains("Exception"), out.text());
  }
}
