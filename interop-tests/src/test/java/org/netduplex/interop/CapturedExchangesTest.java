package org.netduplex.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netduplex.samples.stock.StockServer;
import org.netduplex.testing.CapturedHttpMessage;
import org.netduplex.testing.SoapHttp;
import org.xmlunit.diff.Diff;

/**
 * Replays the client side of the captured WCF conversation (seed 002, steps A, C, E) against our
 * StockService over real HTTP and compares each answer with what WCF answered (B, D, F).
 */
class CapturedExchangesTest {
  private static final CapturedHttpMessage A = Replay.capture("A-register.request.http");
  private static final CapturedHttpMessage B = Replay.capture("B-register.response.http");
  private static final CapturedHttpMessage C = Replay.capture("C-makeconnection.request.http");
  private static final CapturedHttpMessage D = Replay.capture("D-makeconnection.response.http");
  private static final CapturedHttpMessage E = Replay.capture("E-sync.request.http");
  private static final CapturedHttpMessage F = Replay.capture("F-makeconnection.response.http");

  private StockServer server;
  private SoapHttp client;

  @BeforeEach
  void start() {
    server = Replay.quietStockServer();
    client = new SoapHttp(URI.create(server.address()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void registerIsAnsweredAsCapturedInStepB() {
    assertEmptyOkLike(B, client.replay(A));
  }

  @Test
  void firstPollIsAnsweredAsCapturedInStepD() {
    client.replay(A);
    HttpResponse<String> d = client.replay(C);

    assertEquals(D.status(), d.statusCode());
    assertSameContentType(D, d);
    Diff diff = CapturedXml.similar(D.bodyText(), d.body(), CapturedXml.TICKER_VALUES);
    assertFalse(diff.hasDifferences(), diff.fullDescription() + "\n" + d.body());
  }

  @Test
  void syncIsAnsweredAsCapturedInStepBAndEchoedToPollsAsInStepF() {
    client.replay(A);
    assertEmptyOkLike(B, client.replay(E));

    // Register queued the current quotes first; F arrives on a later poll, as in the capture.
    String f = null;
    for (int poll = 0; poll < 20 && f == null; poll++) {
      String body = client.replay(C).body();
      if (body.contains("<Notes>")) {
        f = body;
      }
    }
    assertTrue(f != null, "no poll carried the Sync notes");
    Diff diff = CapturedXml.similar(F.bodyText(), f, Set.of());
    assertFalse(diff.hasDifferences(), diff.fullDescription() + "\n" + f);
  }

  private static void assertEmptyOkLike(CapturedHttpMessage captured, HttpResponse<String> actual) {
    assertEquals(captured.status(), actual.statusCode());
    assertEquals(captured.header("Content-Length"), actual.headers().firstValue("Content-Length").orElse(null));
    assertEquals("", actual.body());
  }

  private static void assertSameContentType(CapturedHttpMessage captured, HttpResponse<String> actual) {
    // Jetty writes "text/xml;charset=utf-8": the same media type and parameter as WCF's.
    assertEquals(captured.header("Content-Type").replace(" ", "").toLowerCase(),
        actual.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase());
  }
}
