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

/** The stock console client against the stock server over loopback: quotes in, notes out to others. */
class StockConsoleTest {
  private static final DuplexClientConfig CLIENT = DuplexClientConfig.builder().serverPollTimeout(Duration.ofSeconds(1)).build();

  private StockServer server;
  private StockConsole alice;
  private StockConsole bob;
  private final ConsoleOutput aliceOut = new ConsoleOutput();
  private final ConsoleOutput bobOut = new ConsoleOutput();

  @BeforeEach
  void start() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    server = StockServer.start(new StockServer.Options().port(port).tickInterval(Duration.ZERO)
        .config(DuplexServerConfig.builder().pollTimeout(Duration.ofSeconds(1)).build()));
    alice = new StockConsole(URI.create(server.address()), CLIENT, aliceOut.stream);
    bob = new StockConsole(URI.create(server.address()), CLIENT, bobOut.stream);
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
    org.netduplex.testing.Eventually.await("a tick printed", () -> aliceOut.text().lines().count() > before);
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
  void badCommandsGetAClearAnswerAndSendNothing() throws IOException {
    alice.start();
    aliceOut.awaitLine("AAHH ");

    alice.run(new BufferedReader(new StringReader("buy AAHH\nnotes\nnotes NOPE hello\n")));

    assertTrue(aliceOut.text().contains("Unknown command: buy"), aliceOut.text());
    assertTrue(aliceOut.text().contains("Usage: notes <SYMBOL> <text>"), aliceOut.text());
    assertTrue(aliceOut.text().contains("Unknown symbol NOPE"), aliceOut.text());
  }
}
