package org.netduplex.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netduplex.samples.stock.StockClientCommand;
import org.netduplex.samples.stock.StockServer;
import org.netduplex.server.DuplexServerConfig;

/** A console client command as the user runs it, on a real stock server: its --profile picks the endpoint. */
class ConsoleClientCommandTest {
  private StockServer server;

  @BeforeEach
  void start() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    server = StockServer.start(new StockServer.Options().port(port).tickInterval(Duration.ZERO)
        .config(DuplexServerConfig.builder().pollTimeout(Duration.ofSeconds(1)).build()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void sl3TalksSoap12BinaryToTheSoap12EndpointAndSl2Soap11ToTheOther() throws Exception {
    for (String profile : List.of("sl3", "sl2")) {
      ConsoleOutput out = new ConsoleOutput();
      PipedWriter typed = new PipedWriter();
      BufferedReader in = new BufferedReader(new PipedReader(typed));
      CommandLine line = CommandLine.parse("stock-client",
          List.of("--url", server.address(), "--profile", profile, "--poll-timeout", "1s"),
          new StockClientCommand().options());

      CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
        try {
          ConsoleClientCommand<?> command = new StockClientCommand();
          command.run(line, in, out.stream);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      out.awaitLine("POLL "); // the last of the quotes Register sent
      typed.write("quit\n");
      typed.flush();
      running.get(10, TimeUnit.SECONDS);

      String first = out.text().lines().findFirst().orElseThrow();
      if (profile.equals("sl3")) {
        assertEquals("Connecting to " + server.soap12Address()
            + " (Silverlight 3+: SOAP 1.2 + WS-Addressing, binary)", first);
      } else {
        assertEquals("Connecting to " + server.address() + " (Silverlight 2: SOAP 1.1 text)", first);
      }
      assertTrue(out.text().contains("[open]"), out.text());
    }
  }
}
