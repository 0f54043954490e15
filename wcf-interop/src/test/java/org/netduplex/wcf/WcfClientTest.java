package org.netduplex.wcf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.netduplex.core.NetDuplex;
import org.netduplex.wcf.WcfClientScript.Answer;

/**
 * A WCF client (Mono's channel stack and Microsoft's XML readers; {@code src/test/csharp/WcfClient.cs}) drives our
 * server over real HTTP on loopback, in each of the three wire forms, and says what it saw. Each variant's scenarios
 * run as one script in one Mono process (its clients named by scenario, answers kept in order), since starting
 * Mono's WCF stack costs seconds on a loaded machine; each test asserts its own scenario's answers.
 */
class WcfClientTest {
  static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);
  static final String UPDATE = "Silverlight/IStockService/Update";
  static final String UNICODE_NOTES = "caf\u00e9 \u4e2d\u6587 \ud83d\ude00 <&> end";
  private static final Map<WcfVariant, List<Answer>> RUNS = new EnumMap<>(WcfVariant.class);
  private static WcfPeerStockServer server;

  @BeforeAll
  static void start() {
    Mono.require();
    server = new WcfPeerStockServer(POLL_TIMEOUT);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest
  @EnumSource(WcfVariant.class)
  void registerIsAnsweredEmptyAndThePollBringsItsCallbackWithTheSessionsDuplexHeader(WcfVariant variant) {
    List<Answer> a = scenario(variant, "reg");

    Answer client = a.get(0);
    a.get(1).assertKind("empty");
    Answer update = a.get(2).assertKind("message");
    assertEquals(client.get("address"), update.get("address"));
    assertEquals(client.get("session"), update.get("session"));
    // SOAP 1.1 answers carry no action at all (capture D); SOAP 1.2 ones name the callback and the client's address.
    assertEquals(variant.soap12 ? UPDATE : "", update.get("action"));
    assertEquals(variant.soap12 ? client.get("address") : "-", update.get("to"));
    assertEquals(WcfPeerStockService.SYMBOL, update.get("symbol"));
    assertEquals("256.7", update.get("ask"));
    assertEquals("256.02", update.get("bid"));
    assertEquals("(null)", update.get("notes"));
  }

  @ParameterizedTest
  @EnumSource(WcfVariant.class)
  void anIdlePollIsAnsweredEmptyAtThePollTimeout(WcfVariant variant) {
    List<Answer> a = scenario(variant, "idle");

    Answer idle = a.get(3).assertKind("empty");
    assertTrue(idle.millis() >= POLL_TIMEOUT.toMillis() - 50, "answered after " + idle.millis() + " ms");
    assertTrue(idle.millis() < POLL_TIMEOUT.toMillis() + 5_000, "answered after " + idle.millis() + " ms");
  }

  @ParameterizedTest
  @EnumSource(WcfVariant.class)
  void aSyncReachesTheOtherClientsPollWithItsUnicodeNotesIntact(WcfVariant variant) {
    String notes = UNICODE_NOTES;
    List<Answer> a = scenario(variant, "syncA", "syncB");

    Answer echo = a.get(8).assertKind("message");
    assertEquals("CZLP", echo.get("symbol"));
    assertEquals("227.69", echo.get("ask"));
    assertEquals("226.74", echo.get("bid"));
    assertEquals(notes, echo.get("notes"));
    assertEquals(a.get(1).get("session"), echo.get("session"));
    assertEquals(notes, a.get(7).assertKind("message").get("notes")); // the sender's own echo
  }

  /**
   * A "-" crosses intact in every variant. In binary it failed while our static dictionary had "-" at 0xA2, which
   * is the empty string in WCF's: the WCF client read empty notes.
   */
  @ParameterizedTest
  @EnumSource(WcfVariant.class)
  void aSyncWithADashInItsNotesArrivesIntact(WcfVariant variant) {
    List<Answer> a = scenario(variant, "dashA", "dashB");

    assertEquals("-", a.get(8).assertKind("message").get("notes"));
  }

  @Test
  void aSoap11ClientAndSoap12ClientsShareOneSessionSpace() {
    List<Answer> a = new WcfClientScript()
        .client("sl2", WcfVariant.SOAP11_TEXT, server).client("text", WcfVariant.SOAP12_TEXT, server)
        .client("bin", WcfVariant.SOAP12_BINARY, server)
        .register("sl2").register("text").register("bin").poll("sl2").poll("text").poll("bin")
        .sync("sl2", "CZLP", "from-sl2").poll("text").poll("bin").poll("sl2")
        .sync("bin", "AAHH", "from-bin").poll("sl2").poll("text").poll("bin")
        .run();

    for (int i = 10; i <= 12; i++) {
      assertEquals("from-sl2", a.get(i).assertKind("message").get("notes"), a.get(i).toString());
    }
    for (int i = 14; i <= 16; i++) {
      assertEquals("from-bin", a.get(i).assertKind("message").get("notes"), a.get(i).toString());
    }
    assertEquals(UPDATE, a.get(11).get("action"));
    assertEquals("", a.get(14).get("action"));
  }

  @ParameterizedTest
  @EnumSource(WcfVariant.class)
  void faultsAreReadByWcfWithTheirCodeNamespaceResolved(WcfVariant variant) {
    List<Answer> a = scenario(variant, "faults");

    assertFault(variant, a.get(1), true, NetDuplex.FAULTS_NS + "#UnknownAddress",
        "No open duplex session uses the address");
    assertFault(variant, a.get(2), true, NetDuplex.FAULTS_NS + "#MissingDuplexHeader",
        "A call to a polling duplex service must carry a netdx:Duplex header");
    assertFault(variant, a.get(3), false, NetDuplex.WSMC_NS + "#MissingSelection",
        "The MakeConnection element did not contain any selection criteria");
  }

  @ParameterizedTest
  @EnumSource(WcfVariant.class)
  void aCloseSessionIsAnsweredEmptyAndEndsTheSession(WcfVariant variant) {
    List<Answer> a = scenario(variant, "close");

    a.get(3).assertKind("empty");
    assertFault(variant, a.get(4), true, NetDuplex.FAULTS_NS + "#UnknownAddress", "No open duplex session");
  }

  @ParameterizedTest
  @EnumSource(value = WcfVariant.class, names = {"SOAP12_TEXT", "SOAP12_BINARY"})
  void aTwoWayCallIsAnsweredEmptyAndItsReplyComesOnAPollRelatedToItsMessageIdAfterItsCallback(WcfVariant variant) {
    List<Answer> a = scenario(variant, "join");

    Answer client = a.get(0);
    Answer join = a.get(1).assertKind("empty");
    Answer callback = a.get(2).assertKind("message");
    assertEquals("urn:netduplex:samples:chat/IChatService/Receive", callback.get("action"));
    assertEquals("-", callback.get("relatesto"));
    Answer reply = a.get(3).assertKind("message");
    assertEquals(join.get("messageid"), reply.get("relatesto"));
    assertEquals("urn:netduplex:samples:chat/IChatService/JoinResponse", reply.get("action"));
    assertEquals(client.get("address"), reply.get("to"));
    assertEquals(client.get("session"), reply.get("session"));
    assertEquals("JoinResult", reply.get("body"));
    assertEquals("true", reply.get("accepted"));
    assertEquals(WcfPeerChatService.PRESENT, reply.get("members"));
  }

  /** The answers to the commands of the named clients, in order, from the variant's one run. */
  private static synchronized List<Answer> scenario(WcfVariant variant, String... clients) {
    Set<String> names = Set.of(clients);
    return RUNS.computeIfAbsent(variant, WcfClientTest::runAllScenarios).stream()
        .filter(a -> names.contains(a.name())).toList();
  }

  private static List<Answer> runAllScenarios(WcfVariant v) {
    WcfClientScript script = new WcfClientScript();
    script.client("reg", v, server).register("reg").poll("reg");
    script.client("idle", v, server).register("idle").poll("idle").poll("idle");
    syncBetween(script, v, "syncA", "syncB", UNICODE_NOTES);
    syncBetween(script, v, "dashA", "dashB", "-");
    script.client("faults", v, server).pollUnknownAddress("faults").callWithoutDuplexHeader("faults")
        .pollWithoutAddress("faults");
    script.client("close", v, server).register("close").poll("close").close("close").poll("close");
    if (v.soap12) {
      script.chatClient("join", v, server).join("join", "ann").pollAny("join").pollAny("join");
    }
    return script.run();
  }

  /** A and B register and take their quote; A syncs; A and B poll the echo (answers 7 and 8). */
  private static void syncBetween(WcfClientScript script, WcfVariant v, String a, String b, String notes) {
    script.client(a, v, server).client(b, v, server).register(a).register(b).poll(a).poll(b)
        .sync(a, "CZLP", notes).poll(a).poll(b);
  }

  /** SOAP 1.1: our code is the faultcode. SOAP 1.2: it is the subcode under Sender or Receiver. */
  private static void assertFault(WcfVariant variant, Answer fault, boolean sender, String code, String reason) {
    fault.assertKind("fault");
    if (variant.soap12) {
      assertEquals(NetDuplex.SOAP12_NS + (sender ? "#Sender" : "#Receiver"), fault.get("code"));
      assertEquals(code, fault.get("subcode"));
      assertEquals(sender ? "True" : "False", fault.get("sender"));
    } else {
      assertEquals(code, fault.get("code"));
      assertEquals("-", fault.get("subcode"));
    }
    assertTrue(fault.get("reason").startsWith(reason), fault.get("reason"));
  }
}
