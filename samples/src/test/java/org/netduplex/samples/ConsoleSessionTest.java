package org.netduplex.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netduplex.client.ClientState;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.client.DuplexFaultException;
import org.netduplex.core.NetDuplex;
import org.netduplex.stock.IStockService;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.stock.Stock;

/** What every console client prints about its session, and how it reads typed lines. */
class ConsoleSessionTest {
  private final ConsoleOutput out = new ConsoleOutput();
  private final ConsoleSession<IStockService> session = new ConsoleSession<>(URI.create("http://localhost:9/StockService"),
      DuplexClientConfig.builder().build(), out.stream, IStockService.class, IStockServiceCallback.class,
      new IStockServiceCallback() {
        @Override
        public void update(Stock stock) {}
      }, "a quote");

  @AfterEach
  void close() {
    session.close();
  }

  @Test
  void eachChangeOfStateIsOneLineWithTheServersReasonWithoutControlCharacters() {
    session.whenFaulted("Start again.");

    session.stateChanged(ClientState.CONNECTING, ClientState.OPEN, null);
    session.stateChanged(ClientState.OPEN, ClientState.FAULTED, new IllegalStateException("gone\u001b[2J\nfor good"));

    assertEquals("[open]\n[faulted] gone[2J for good\nStart again.\n", out.text());
  }

  @Test
  void aQuietSessionPrintsNoChangeOfStateButStillWhatWentWrong() {
    session.quiet();

    session.stateChanged(ClientState.OPEN, ClientState.FAULTED, new IllegalStateException("gone"));
    session.messageRejected("too big", null);
    session.callbackFailed("Update", new IllegalStateException("bug"));

    assertEquals("[dropped a message: too big]\n[could not show a quote: java.lang.IllegalStateException: bug]\n",
        out.text());
  }

  @Test
  void lostContactIsSaidInPlainWords() {
    session.stateChanged(ClientState.OPEN, ClientState.CONNECTING, new IOException("Connection refused"));

    assertEquals("[connecting] No answer from the server (Connection refused); trying again.\n", out.text());
  }

  @Test
  void onlyTheFaultsOfAForgottenSessionStartANewOne() {
    assertTrue(ConsoleSession.forgotten(fault("UnknownAddress")));
    assertTrue(ConsoleSession.forgotten(fault("SessionEnded")));
    assertFalse(ConsoleSession.forgotten(fault("AddressMismatch")));
    assertFalse(ConsoleSession.forgotten(new DuplexFaultException(new QName("urn:other", "UnknownAddress"), "x", 500)));
    assertFalse(ConsoleSession.forgotten(new IOException("Connection refused")));
  }

  private static DuplexFaultException fault(String code) {
    return new DuplexFaultException(new QName(NetDuplex.FAULTS_NS, code), "gone", 500);
  }

  @Test
  void linesAreReadStrippedUntilTheHandlerSaysStop() throws IOException {
    List<String> seen = new ArrayList<>();

    ConsoleSession.readLines(new BufferedReader(new StringReader("  one \ntwo\nquit\nnever\n")),
        line -> seen.add(line) && !line.equals("quit"));

    assertEquals(List.of("one", "two", "quit"), seen);
  }
}
