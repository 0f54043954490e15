package org.netduplex.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.netduplex.benchmarks.load.LoadMain;
import org.netduplex.benchmarks.server.ServerMain;
import org.netduplex.testing.Eventually;

/**
 * The harness against each real server, in-process and small: two sessions park their polls, one
 * message each arrives on a poll with the padded size, and a broadcast reaches both. A check that the
 * benchmark measures what it says, not a measurement: that is the runner's job (BENCHMARK.md).
 */
class HarnessSmokeTest {
  @ParameterizedTest
  @EnumSource(Kind.class)
  void oneMessageAPollAndABroadcastReachEveryClient(Kind kind) throws Exception {
    int port = freePort();
    // The load generator closes first, so no poll of it outlives the server.
    try (Controlled server = ServerMain.start(kind, port, Padding.of(kind)); Controlled load = LoadMain.start()) {
      assertEquals("OK sessions=2 failed=0", load.answer("open " + kind + " " + port + " 2 0"));
      Eventually.await("both clients polling", () -> value(load, "state", "inFlight") == 2
          && (kind == Kind.COMETD || value(server, "parked", "parked") == 2));

      ok(load.answer("mark"));
      ok(server.answer("credit 1"));
      Eventually.await("a message on each client's poll", () -> value(load, "report", "arrived") >= 2);
      ok(server.answer("stop"));
      ok(load.answer("endmark"));
      assertEquals(Padding.ANSWER_BYTES, value(load, "report", "answerBytes"), "one-message answer size");
      assertTrue(value(load, "report", "p99") > 0, "latency measured from the stamp");

      ok(load.answer("bcastreset"));
      ok(server.answer("broadcast"));
      assertEquals(2L, fields(load.answer("bcastawait 2 10000")).get("received"), "broadcast arrivals");
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void batchPollsTakeSeveralMessagesAnAnswer(Kind kind) throws Exception {
    int port = freePort();
    try (Controlled server = ServerMain.start(kind, port, Padding.of(kind)); Controlled load = LoadMain.start()) {
      assertEquals("OK sessions=2 failed=0", load.answer("open " + kind + " " + port + " 2 1"));
      Eventually.await("both clients polling", () -> value(load, "state", "inFlight") == 2
          && (kind == Kind.COMETD || value(server, "parked", "parked") == 2));

      ok(load.answer("mark"));
      ok(server.answer("credit 20"));
      Eventually.await("20 messages for each client", () -> value(load, "report", "arrived") >= 40);
      ok(server.answer("stop"));
      Map<String, Long> report = fields(load.answer("report"));
      assertTrue(report.get("answers") < report.get("arrived"), "some answers carried several messages: " + report);
    }
  }

  @org.junit.jupiter.api.Test
  void netDuplexStreamedPollsGetChunkedAnswersOfSeveralMessages() throws Exception {
    int port = freePort();
    Kind kind = Kind.NETDUPLEX;
    try (Controlled server = ServerMain.start(kind, port, Padding.of(kind)); Controlled load = LoadMain.start()) {
      assertEquals("OK sessions=2 failed=0", load.answer("open " + kind + " " + port + " 2 2"));
      Eventually.await("both clients polling", () -> value(load, "state", "inFlight") == 2
          && value(server, "parked", "parked") == 2);

      ok(load.answer("mark"));
      ok(server.answer("credit 20"));
      Eventually.await("20 messages for each client", () -> value(load, "report", "arrived") >= 40);
      ok(server.answer("stop"));
      Map<String, Long> report = fields(load.answer("report"));
      assertTrue(report.get("answers") < report.get("arrived"), "some answers carried several messages: " + report);
      assertEquals(0L, fields(load.answer("state")).get("errors"), "every streamed answer read whole");
    }
  }

  private static void ok(String reply) {
    assertTrue(reply.startsWith("OK"), reply);
  }

  private static long value(Controlled c, String command, String key) {
    return fields(c.answer(command)).get(key);
  }

  private static Map<String, Long> fields(String reply) {
    ok(reply);
    Map<String, Long> values = new HashMap<>();
    for (String word : reply.split("\\s+")) {
      String[] kv = word.split("=", 2);
      if (kv.length == 2 && kv[1].matches("-?\\d+")) {
        values.put(kv[0], Long.parseLong(kv[1]));
      }
    }
    return values;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
