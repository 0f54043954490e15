package org.netduplex.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netduplex.client.WireFormat;
import org.netduplex.core.DuplexMode;

/** The options every sample command shares, with the defaults the README documents. */
class CommandLineTest {
  @Test
  void aServerListensOnLocalhostWithFifteenSecondPollsByDefault() {
    CommandLine none = new CommandLine(Map.of());

    assertEquals("localhost", none.host());
    assertEquals(10203, none.port(10203));
    assertEquals(Duration.ofSeconds(15), none.serverConfig("2m").pollTimeout());
    assertEquals(Duration.ofMinutes(2), none.serverConfig("2m").inactivityTimeout());
    assertEquals(DuplexMode.SINGLE_MESSAGE_PER_POLL, none.serverConfig("2m").duplexMode());
  }

  @Test
  void aServerAnswersPollsThatAskWithSeveralMessagesInMultipleMode() {
    CommandLine line = CommandLine.parse("stock-server", List.of("--duplex-mode", "multiple"), SERVER);

    assertEquals(DuplexMode.MULTIPLE_MESSAGES_PER_POLL, line.serverConfig("10m").duplexMode());
    assertEquals("stock-server: --duplex-mode: expected single or multiple, got many",
        refused(SERVER, "--duplex-mode", "many"));
  }

  @Test
  void aServersStreamedWindowIs200MillisecondsUnlessGiven() {
    CommandLine line = CommandLine.parse("stock-server", List.of("--duplex-mode", "multiple", "--streamed-window", "2s"),
        SERVER);

    assertEquals(Duration.ofSeconds(2), line.serverConfig("10m").streamedAnswerWindow());
    assertEquals(Duration.ofMillis(200), new CommandLine(Map.of()).serverConfig("10m").streamedAnswerWindow());
    assertTrue(refused(SERVER, "--streamed-window", "0s").startsWith("stock-server: --streamed-window: expected a duration above zero"));
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

  private static final List<Option> SERVER = CommandLine.serverOptions(10201, "10m");
  private static final List<Option> CLIENT = CommandLine.clientOptions("http://localhost:10201/StockService");

  @Test
  void knownOptionsAreReadAndCheckedBeforeAnythingStarts() {
    CommandLine line = CommandLine.parse("stock-server", List.of("--port", "8080", "--poll-timeout", "2s"), SERVER);

    assertEquals(8080, line.port(10201));
    assertEquals(Duration.ofSeconds(2), line.serverConfig("10m").pollTimeout());
  }

  @Test
  void anUnknownOptionIsNamed() {
    assertEquals("stock-server: unknown option --prot", refused(SERVER, "--prot", "1"));
  }

  @Test
  void aBadValueNamesItsOptionAndWhatItExpects() {
    assertEquals("stock-server: --port: expected a port number from 1 to 65535, got abc", refused(SERVER, "--port", "abc"));
    assertEquals("stock-server: --port: expected a port number from 1 to 65535, got 70000",
        refused(SERVER, "--port", "70000"));
    assertEquals("stock-server: --poll-timeout: expected a duration above zero (500ms, 15s, 10m, 1h or PT15S), got soon",
        refused(SERVER, "--poll-timeout", "soon"));
    assertEquals("stock-server: --inactivity-timeout: expected a duration above zero (500ms, 15s, 10m, 1h or PT15S),"
        + " got 0s", refused(SERVER, "--inactivity-timeout", "0s"));
    assertEquals("stock-server: --url: expected an http:// or https:// address, got localhost:10201",
        refused(CLIENT, "--url", "localhost:10201"));
    assertEquals("stock-server: --profile: expected sl2 or sl3, got sl4", refused(CLIENT, "--profile", "sl4"));
  }

  @Test
  void anOptionWithoutAValueOrGivenTwiceIsRefused() {
    assertEquals("stock-server: --port needs a value, e.g. --port 10201", refused(SERVER, "--port"));
    assertEquals("stock-server: --port needs a value, e.g. --port 10201", refused(SERVER, "--port", "--host", "x"));
    assertEquals("stock-server: --port is given twice", refused(SERVER, "--port", "1", "--port", "2"));
    assertEquals("stock-server: unexpected argument 10201 (options are --name value)", refused(SERVER, "10201"));
  }

  @Test
  void theProfileChoosesTheEndpointAndTheWireFormat() {
    CommandLine sl2 = CommandLine.parse("stock-client", List.of(), CLIENT);
    CommandLine sl3 = CommandLine.parse("stock-client", List.of("--profile", "SL3", "--url", "http://h:1/StockService"),
        CLIENT);

    assertEquals(URI.create("http://localhost:10201/StockService"), sl2.endpoint("http://localhost:10201/StockService"));
    assertEquals(WireFormat.SOAP11_TEXT, sl2.clientConfig().wireFormat());
    assertEquals(URI.create("http://h:1/StockService-soap12"), sl3.endpoint("http://localhost:10201/StockService"));
    assertEquals(WireFormat.SOAP12_BINARY, sl3.clientConfig().wireFormat());
  }

  private static String refused(List<Option> options, String... args) {
    return assertThrows(UsageException.class, () -> CommandLine.parse("stock-server", List.of(args), options))
        .getMessage();
  }
}
