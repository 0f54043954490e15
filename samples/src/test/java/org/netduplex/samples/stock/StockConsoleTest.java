package org.netduplex.samples.stock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netduplex.client.ClientState;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.samples.ConsoleOutput;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.DuplexSession;
import org.netduplex.stock.Stock;
import org.netduplex.testing.Eventually;
import org.netduplex.testing.SoapHttp;
import org.netduplex.testing.WireClient;

/** The stock console client against the stock server over loopback: quotes in, notes out to others. */
class StockConsoleTest {
  private static final DuplexClientConfig CLIENT = DuplexClientConfig.builder().serverPollTimeout(Duration.ofSeconds(1))
      // A poll cut by a stopping server is given up in 2 s, not WCF's 5 min: these tests restart servers.
      .pollTimeoutMargin(Duration.ofSeconds(1)).clientPollTimeout(Duration.ofSeconds(2)).build();
  /** Retries within milliseconds while the server is down. */
  private static final DuplexClientConfig RETRYING = CLIENT.toBuilder()
      .initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(100)).build();

  private int port;
  private StockServer server;
  private StockConsole alice;
  private StockConsole bob;
  private final ConsoleOutput aliceOut = new ConsoleOutput();
  private final ConsoleOutput bobOut = new ConsoleOutput();

  @BeforeEach
  void start() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    server = startServer();
    alice = new StockConsole(URI.create(server.address()), CLIENT, aliceOut.stream);
    bob = new StockConsole(URI.create(server.address()), CLIENT, bobOut.stream);
  }

  private StockServer startServer() {
    return StockServer.start(new StockServer.Options().port(port).tickInterval(Duration.ZERO)
        .config(DuplexServerConfig.builder().pollTimeout(Duration.ofSeconds(1)).build()));
  }

  @AfterEach
  void stop() {
    alice.close();
    bob.close();
    server.close();
  }

  @Test
  void registeringPrintsEveryQuoteAndATickIsPrintedToo() {
    alice.start();

    for (String symbol : StockServer.SYMBOLS) {
      aliceOut.awaitLine(symbol + " ");
    }
    aliceOut.awaitLine("[open]");
    long before = aliceOut.text().lines().count();
    server.tickNow();
    Eventually.await("a tick printed", () -> aliceOut.text().lines().count() > before);
  }

  @Test
  void notesTypedInOneConsoleArePrintedByAnother() throws IOException {
    alice.start();
    bob.start();
    aliceOut.awaitLine("CZLP ");
    bobOut.awaitLine("CZLP ");

    alice.run(new BufferedReader(new StringReader("notes czlp buy before the <close>\nquit\nnotes CZLP never sent\n")));

    String line = bobOut.awaitLine("notes: buy before the <close>");
    assertTrue(line.startsWith("CZLP "), line);
    assertFalse(bobOut.text().contains("never sent"), "commands after quit ran");
    assertEquals(ClientState.OPEN, bob.state());
  }

  @Test
  void afterAServerRestartTheConsoleSaysSoAndRegistersWithANewSession() {
    ConsoleOutput carolOut = new ConsoleOutput();
    StockConsole carol = new StockConsole(URI.create(server.address()), RETRYING, carolOut.stream);
    try {
      carol.start();
      carolOut.awaitLine("[open]");
      carolOut.awaitLine(StockServer.SYMBOLS.get(StockServer.SYMBOLS.size() - 1) + " ");

      server.close();
      server = startServer(); // same port, no sessions

      carolOut.awaitLine("New session started.");
      Eventually.await("the quotes printed again", () -> carolOut.text().lines().filter(l -> l.startsWith("POLL ")).count() == 2);
      assertEquals(1, server.subscriberCount());
      String said = carolOut.text();
      assertTrue(said.contains("The server has ended this session (it restarted or is stopping); starting a new one."), said);
      assertFalse(said.contains("[faulted]") || said.contains("ndf:"), "protocol jargon: " + said);
      Eventually.await("open again", () -> carol.state() == ClientState.OPEN);
    } finally {
      carol.close();
    }
  }

  @Test
  void aRegisterThatRunsAfterItsSessionEndedSubscribesNothingAndThrowsNothing() {
    WireClient quitter = WireClient.random();
    assertEquals(200, new SoapHttp(URI.create(server.address())).post(WireClient.REGISTER, quitter.register()).statusCode());
    Eventually.await("subscribed", () -> server.subscriberCount() == 1);
    DuplexSession session = server.duplex().sessions().iterator().next();
    session.close();
    Eventually.await("ended", () -> server.duplex().sessions().isEmpty());
    Eventually.await("unsubscribed by the listener", () -> server.subscriberCount() == 0);

    server.service().subscribe(session); // as a late Register would

    assertEquals(0, server.subscriberCount());
  }

  @Test
  void badCommandsGetAClearAnswerAndSendNothing() throws IOException {
    alice.start();
    aliceOut.awaitLine("AAHH ");

    alice.run(new BufferedReader(new StringReader("buy AAHH\nnotes\nnotes NOPE hello\n")));

    assertTrue(aliceOut.text().contains("Unknown command: buy"), aliceOut.text());
    assertTrue(aliceOut.text().contains("Usage: notes <SYMBOL> <text>"), aliceOut.text());
    assertTrue(aliceOut.text().contains("Unknown symbol NOPE"), aliceOut.text());
  }

  @Test
  void notesFromOthersArePrintedWithoutControlCharactersOnOneLine() throws IOException {
    alice.start();
    bob.start();
    aliceOut.awaitLine("CZLP ");
    bobOut.awaitLine("CZLP ");

    // A C1 CSI (a one-byte escape on many terminals) and a line break go through XML, from any client;
    // ESC cannot, so the console drops it before sending.
    SoapHttp http = new SoapHttp(URI.create(server.address()));
    assertEquals(200, http.post(WireClient.SYNC, WireClient.random().sync("CZLP", "wipe\u009b2J\nCZLP  ask 0.01")).statusCode());
    alice.run(new BufferedReader(new StringReader("notes CZLP clear\u001b[2J the screen\u009b\nquit\n")));

    String wiped = bobOut.awaitLine("notes: wipe");
    assertEquals("notes: wipe2J CZLP  ask 0.01", wiped.substring(wiped.indexOf("notes: ")));
    String cleared = bobOut.awaitLine("notes: clear");
    assertEquals("notes: clear[2J the screen", cleared.substring(cleared.indexOf("notes: ")));
    assertTrue(bobOut.text().chars().noneMatch(ch -> ch < 0x20 && ch != '\n' || ch >= 0x7f && ch <= 0x9f),
        "a control character was printed");
  }

  @Test
  void aQuoteIsOneLineWithoutControlCharacters() {
    Stock s = new Stock();
    s.setSymbol("AA\u009bHH");
    s.setAsk(1.5);
    s.setBid(1.25);
    s.setNotes("a\u001b[2J\u009bb\r\nc");

    assertEquals("AAHH  ask     1.50  bid     1.25  notes: a[2Jb c", StockConsole.format(s));
  }
}
