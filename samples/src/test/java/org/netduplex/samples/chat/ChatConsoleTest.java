package org.netduplex.samples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.xml.datatype.DatatypeFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netduplex.chat.ChatEvent;
import org.netduplex.chat.ChatEventKind;
import org.netduplex.client.ClientState;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.client.WireFormat;
import org.netduplex.samples.ConsoleOutput;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.testing.Eventually;

/** The chat console client against the chat server over loopback: members talking, in public and directly. */
class ChatConsoleTest {
  private static final DuplexClientConfig CLIENT = DuplexClientConfig.builder().serverPollTimeout(Duration.ofSeconds(1))
      // A poll cut by a stopping server is given up in 2 s, not WCF's 5 min: these tests restart servers.
      .pollTimeoutMargin(Duration.ofSeconds(1)).clientPollTimeout(Duration.ofSeconds(2)).build();

  /** Retries within milliseconds while the server is down. */
  private static final DuplexClientConfig RETRYING = CLIENT.toBuilder()
      .initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(100)).build();

  private int port;
  private ChatServer server;
  private final List<ChatConsole> consoles = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    server = startServer();
  }

  private ChatServer startServer() {
    return new ChatServer("localhost", port, DuplexServerConfig.builder().pollTimeout(Duration.ofSeconds(1)).build());
  }

  @AfterEach
  void stop() {
    consoles.forEach(ChatConsole::close);
    server.close();
  }

  private ChatConsole console(ConsoleOutput out) {
    ChatConsole c = new ChatConsole(URI.create(server.address()), CLIENT, out.stream, ZoneOffset.UTC);
    consoles.add(c);
    return c;
  }

  /** A console that joined as {@code name} and saw its own arrival. */
  private ChatConsole joined(String name, ConsoleOutput out) {
    ChatConsole c = console(out);
    assertTrue(c.join(name), out.text());
    out.awaitLine("[joined]  " + name + " joined.");
    return c;
  }

  private static BufferedReader typed(String lines) {
    return new BufferedReader(new StringReader(lines));
  }

  @Test
  void afterAServerRestartMembersOfBothProfilesJoinAgainUnderTheirNamesAndTalk() {
    ConsoleOutput carolOut = new ConsoleOutput();
    ConsoleOutput daveOut = new ConsoleOutput();
    ChatConsole carol = new ChatConsole(URI.create(server.address()), RETRYING, carolOut.stream, ZoneOffset.UTC);
    ChatConsole dave = new ChatConsole(URI.create(server.soap12Address()),
        RETRYING.toBuilder().wireFormat(WireFormat.SOAP12_BINARY).build(), daveOut.stream, ZoneOffset.UTC);
    consoles.add(carol);
    consoles.add(dave);
    assertTrue(carol.join("Carol"), carolOut.text());
    assertTrue(dave.join("Dave"), daveOut.text());
    carolOut.awaitLine("[joined]  Dave joined.");

    server.close();
    server = startServer(); // same port, an empty room

    for (ConsoleOutput out : List.of(carolOut, daveOut)) {
      out.awaitLine("The server has ended this session (it restarted or is stopping); starting a new one.");
      out.awaitLine("New session started.");
    }
    Eventually.await("both in the new room", () -> server.memberCount() == 2);
    dave.handle("back again");
    carolOut.awaitLine("[message] Dave: back again");
    carol.handle("welcome back");
    daveOut.awaitLine("[message] Carol: welcome back");
    assertFalse(carolOut.text().contains("[faulted]") || carolOut.text().contains("ndf:"), carolOut.text());
    assertEquals("Carol", carol.name());
  }

  @Test
  void aLineTypedInOneConsoleIsPrintedByTheOtherAndQuitLeaves() throws IOException {
    ConsoleOutput aliceOut = new ConsoleOutput();
    ConsoleOutput bobOut = new ConsoleOutput();
    ChatConsole alice = joined("alice", aliceOut);
    ChatConsole bob = joined("bob", bobOut);
    assertTrue(bobOut.text().contains("Joined as bob. Here already: alice."), bobOut.text());
    aliceOut.awaitLine("bob joined.");

    alice.run(typed("hello <b>bob</b> & all\n/quit\nnever sent\n"));

    String heard = bobOut.awaitLine("alice: hello");
    assertTrue(heard.matches("\\d\\d:\\d\\d:\\d\\d \\[message] alice: hello <b>bob</b> & all"), heard);
    bobOut.awaitLine("[left]    alice left.");
    Eventually.await("the chat has bob only", () -> server.memberCount() == 1);
    assertFalse(bobOut.text().contains("never sent"), "a line after /quit was said");
    assertEquals(ClientState.OPEN, bob.state());
    alice.close();
    assertEquals(ClientState.CLOSED, alice.state());
  }

  @Test
  void aDirectMessageReachesOnlyItsRecipientAndIsMarked() throws IOException {
    ConsoleOutput annOut = new ConsoleOutput();
    ConsoleOutput benOut = new ConsoleOutput();
    ConsoleOutput catOut = new ConsoleOutput();
    ChatConsole ann = joined("ann", annOut);
    joined("ben", benOut);
    ChatConsole cat = joined("cat", catOut);

    assertTrue(ann.handle("/to ben psst, the password is swordfish")); // run() would leave at the end of its input

    String direct = benOut.awaitLine("psst");
    assertTrue(direct.contains("[direct]  ann -> ben: psst, the password is swordfish"), direct);
    annOut.awaitLine("[direct]  ann -> ben: psst"); // the sender sees what it sent
    cat.handle("marker");
    catOut.awaitLine("cat: marker"); // the server queued the direct message before this one
    benOut.awaitLine("cat: marker");
    assertFalse(catOut.text().contains("psst"), catOut.text());
  }

  @Test
  void aDuplicateNameIsRefusedWithTheServersMessageAndAnotherNameCanBeTried() throws IOException {
    ConsoleOutput aliceOut = new ConsoleOutput();
    ConsoleOutput otherOut = new ConsoleOutput();
    joined("alice", aliceOut);
    ChatConsole other = console(otherOut);

    assertFalse(other.join("ALICE"));
    assertTrue(otherOut.text().contains("Refused: The name ALICE is taken; choose another."), otherOut.text());
    assertNull(other.name());
    other.run(typed("too early\n/name Alicia\nhi, I am the other one\n"));

    assertTrue(otherOut.text().contains("Join first: /name <name>"), otherOut.text());
    assertTrue(otherOut.text().contains("Joined as Alicia. Here already: alice."), otherOut.text());
    aliceOut.awaitLine("Alicia: hi, I am the other one");
    assertFalse(aliceOut.text().contains("too early"), aliceOut.text());
  }

  @Test
  void controlCharactersFromOthersAreStrippedSoTheyCannotDriveTheTerminal() throws Exception {
    ConsoleOutput aliceOut = new ConsoleOutput();
    ConsoleOutput bobOut = new ConsoleOutput();
    ChatConsole alice = joined("alice", aliceOut);
    joined("bob", bobOut);

    // C1 CSI (a one-byte escape on many terminals), DEL, a bidi override and a line break go through XML;
    // ESC and BEL cannot, so the console drops them before sending.
    alice.run(typed("clear\u009b2J\u007f \u202Eevil\u202C\u001b[31m red\u0007 text\n"));

    String line = bobOut.awaitLine("alice: clear");
    assertEquals("alice: clear2J evil[31m red text", line.substring(line.indexOf("alice: ")));
    assertTrue(bobOut.text().chars().noneMatch(ch -> ch < 0x20 && ch != '\n' || ch >= 0x7f && ch <= 0x9f),
        "a control character was printed");
  }

  @Test
  void eachEventIsOneLineWithTimeKindFromAndText() throws Exception {
    ChatEvent e = new ChatEvent();
    e.setKind(ChatEventKind.MESSAGE);
    e.setFrom("mallory\r\n10:00:00 [message] admin");
    e.setText("line one\nline two\u001b]0;title\u0007");
    e.setTime(DatatypeFactory.newInstance().newXMLGregorianCalendar("2026-11-23T10:42:07.5+01:00"));

    assertEquals("09:42:07 [message] mallory 10:00:00 [message] admin: line one line two]0;title",
        ChatConsole.format(e, ZoneOffset.UTC));

    e.setKind(ChatEventKind.LEFT);
    e.setFrom("bob");
    e.setText("bob left.");
    e.setTime(null);
    assertEquals("--:--:-- [left]    bob left.", ChatConsole.format(e, ZoneOffset.UTC));
  }
}
