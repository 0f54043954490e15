package org.netduplex.samples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.testing.Eventually;
import org.netduplex.testing.FakeScheduler;
import org.netduplex.testing.SoapHttp;
import org.netduplex.testing.WireClient;

/** The chat server over loopback, driven by raw polling duplex clients, with time under the test's control. */
class ChatServerTest {
  private static final String NS = "urn:netduplex:samples:chat";
  private static final String ACTION = NS + "/IChatService/";
  private static final Duration INACTIVITY = Duration.ofMinutes(2);

  private final FakeScheduler scheduler = new FakeScheduler();
  private ChatServer server;
  private SoapHttp http;

  @BeforeEach
  void start() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    server = new ChatServer("localhost", port, DuplexServerConfig.builder()
        .pollTimeout(Duration.ofSeconds(15)).inactivityTimeout(INACTIVITY).scheduler(scheduler).build());
    http = new SoapHttp(URI.create(server.address()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void membersHearEachOtherAndADuplicateNameIsRefused() {
    WireClient alice = joined("alice");
    WireClient bob = joined("bob");
    assertTrue(nextEvent(alice).contains("<Text>bob joined.</Text>"));

    String refusal = join(WireClient.random(), "Alice").body();
    assertTrue(refusal.contains("<Accepted>false</Accepted>"), refusal);
    assertTrue(refusal.contains("The name Alice is taken; choose another."), refusal);

    say(alice, "hello", null);
    String heard = nextEvent(bob);
    assertTrue(heard.contains("<Kind>Message</Kind>") && heard.contains("<From>alice</From>")
        && heard.contains("<Text>hello</Text>"), heard);
    assertFalse(heard.contains(alice.sessionId), "a member's session id reached another member");
  }

  @Test
  void aDirectMessageReachesItsRecipientAndItsSenderOnly() {
    WireClient ann = joined("ann");
    WireClient ben = joined("ben");
    WireClient cat = joined("cat");
    drain(ann, ben, cat);

    say(ann, "psst", "ben");

    assertTrue(nextEvent(ben).contains("<Kind>Direct</Kind>"));
    assertTrue(nextEvent(ann).contains("<Text>psst</Text>"));
    say(cat, "marker", null);
    assertTrue(nextEvent(cat).contains("<Text>marker</Text>"), "cat got something before its own marker");
  }

  @Test
  void anIdleMemberIsDroppedAndTheOthersAreTold() {
    WireClient ida = joined("ida");
    WireClient ghost = joined("ghost");
    drain(ida, ghost);

    int says = 0;
    for (Duration passed = Duration.ZERO; passed.compareTo(INACTIVITY.plusMinutes(1)) < 0; passed = passed.plusSeconds(30)) {
      scheduler.advanceBy(Duration.ofSeconds(30));
      say(ida, "still here", null); // ida stays active, ghost does not
      says++;
    }

    Eventually.await("ghost dropped", () -> server.memberCount() == 1);
    String dropped = "";
    for (int i = 0; i <= says && !dropped.contains("<Kind>Dropped</Kind>"); i++) {
      dropped = nextEvent(ida);
    }
    assertTrue(dropped.contains("<Kind>Dropped</Kind>") && dropped.contains("<From>ghost</From>"), dropped);
  }

  @Test
  void aMemberWhoLeavesIsGoneFromTheRoomButItsClientEndsItsOwnSession() {
    WireClient alice = joined("alice");
    WireClient bob = joined("bob");
    drain(alice, bob);

    assertEquals(200, http.post(ACTION + "Leave", alice.call("")).statusCode());

    String left = nextEvent(bob);
    assertTrue(left.contains("<Kind>Left</Kind>") && left.contains("<Text>alice left.</Text>"), left);
    assertEquals(1, server.memberCount());
    assertTrue(server.duplex().sessions().stream().anyMatch(s -> s.id().equals(alice.sessionId)),
        "leaving ended the session: the client's parked poll gets ndf:SessionEnded before it can close");
    say(alice, "still there?", null); // the session still carries what the server has to tell
    String error = nextEvent(alice);
    assertTrue(error.contains("<Kind>Error</Kind>") && error.contains("Join the chat before you write."), error);

    String close = WireClient.envelope(
        alice.duplexHeader().replace("</netdx:Duplex>", "<netdx:CloseSession/></netdx:Duplex>"), "");
    assertEquals(200, http.post("", close).statusCode());
    Eventually.await("alice's session ended by her close",
        () -> server.duplex().sessions().stream().noneMatch(s -> s.id().equals(alice.sessionId)));
  }

  @Test
  void aMessageFromSomeoneWhoDidNotJoinGetsAnError() {
    WireClient stranger = WireClient.random();
    say(stranger, "hi", null);
    String error = nextEvent(stranger);
    assertTrue(error.contains("<Kind>Error</Kind>") && error.contains("Join the chat before you write."), error);
  }

  private WireClient joined(String name) {
    WireClient c = WireClient.random();
    String result = join(c, name).body();
    assertTrue(result.contains("<Accepted>true</Accepted>"), result);
    String own = nextEvent(c);
    assertTrue(own.contains("<Text>" + name + " joined.</Text>"), own);
    return c;
  }

  private HttpResponse<String> join(WireClient c, String name) {
    return http.post(ACTION + "Join", c.call("<Join xmlns=\"" + NS + "\"><Name>" + name + "</Name></Join>"));
  }

  private void say(WireClient c, String text, String to) {
    assertEquals(200, http.post(ACTION + "Say", c.call(sayBody(text, to))).statusCode());
  }

  private static String sayBody(String text, String to) {
    return "<Say xmlns=\"" + NS + "\"><Text>" + text + "</Text>" + (to == null ? "" : "<To>" + to + "</To>") + "</Say>";
  }

  /** The next event for {@code c}: one poll, which the server answers at once or when an event comes. */
  private String nextEvent(WireClient c) {
    return http.post(WireClient.MAKE_CONNECTION, c.makeConnection()).body();
  }

  /** Polls away everything queued so far for these clients. */
  private void drain(WireClient... clients) {
    for (WireClient c : clients) {
      while (server.duplex().sessions().stream().anyMatch(s -> s.id().equals(c.sessionId) && s.queuedMessages() > 0)) {
        nextEvent(c);
      }
    }
  }
}
