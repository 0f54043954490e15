package org.netduplex.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The options every sample command shares, with the defaults the README documents. */
class CommandLineTest {
  @Test
  void aServerListensOnLocalhostWithFifteenSecondPollsByDefault() {
    CommandLine none = new CommandLine(Map.of());

    assertEquals("localhost", none.host());
    assertEquals(10203, none.port(10203));
    assertEquals(Duration.ofSeconds(15), none.serverConfig("2m").pollTimeout());
    assertEquals(Duration.ofMinutes(2), none.serverConfig("2m").inactivityTimeout());
  }

  @Test
  void aServersOptionsAreRead() {
    CommandLine line = new CommandLine(Map.of("host", "0.0.0.0", "port", "8080", "poll-timeout", "1s",
        "inactivity-timeout", "4s"));

    assertEquals("0.0.0.0", line.host());
    assertEquals(8080, line.port(10201));
    assertEquals(Duration.ofSeconds(1), line.serverConfig("10m").pollTimeout());
    assertEquals(Duration.ofSeconds(4), line.serverConfig("10m").inactivityTimeout());
  }

  @Test
  void aClientTakesItsUrlAndTheServersPollTimeout() {
    CommandLine none = new CommandLine(Map.of());
    CommandLine line = new CommandLine(Map.of("url", "http://example.org/ChatService", "poll-timeout", "500ms"));

    assertEquals(URI.create("http://localhost:10201/StockService"), none.url("http://localhost:10201/StockService"));
    assertEquals(Duration.ofSeconds(15), none.clientConfig().serverPollTimeout());
    assertEquals(URI.create("http://example.org/ChatService"), line.url("http://localhost:10203/ChatService"));
    assertEquals(Duration.ofMillis(500), line.clientConfig().serverPollTimeout());
  }

  @Test
  void aBadDurationIsRefusedWithTheFormsThatWork() {
    CommandLine line = new CommandLine(Map.of("poll-timeout", "soon"));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, line::clientConfig);
    assertEquals("Not a duration: soon (use 500ms, 15s, 10m, 1h or PT15S)", e.getMessage());
  }
}
