package org.netduplex.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netduplex.msbin.Msbin;
import org.netduplex.samples.stock.StockServer;
import org.netduplex.testing.CapturedHttpMessage;
import org.xmlunit.diff.Diff;

/**
 * The captured conversation (seed 002) re-run in the .NET binary encoding: requests A, C, E encoded
 * by us as {@code application/soap+msbin1} get binary answers that decode to what WCF answered in
 * B, D, F; text keeps working on the same endpoint at the same time.
 */
class BinaryExchangesTest {
  private static final CapturedHttpMessage A = Replay.capture("A-register.request.http");
  private static final CapturedHttpMessage C = Replay.capture("C-makeconnection.request.http");
  private static final CapturedHttpMessage D = Replay.capture("D-makeconnection.response.http");
  private static final CapturedHttpMessage E = Replay.capture("E-sync.request.http");
  private static final CapturedHttpMessage F = Replay.capture("F-makeconnection.response.http");

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private StockServer server;

  @BeforeEach
  void start() {
    server = Replay.quietStockServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theCapturedExchangesRunInBinaryAndDecodeToWhatWcfAnswered() throws Exception {
    HttpResponse<byte[]> b = postBinary(A);
    assertEquals(200, b.statusCode());
    assertEquals(0, b.body().length);

    HttpResponse<byte[]> d = postBinary(C);
    assertEquals(200, d.statusCode());
    assertEquals(Msbin.CONTENT_TYPE, d.headers().firstValue("Content-Type").orElse(""));
    String dText = Msbin.toText(d.body());
    Diff dDiff = CapturedXml.similar(D.bodyText(), dText, CapturedXml.TICKER_VALUES);
    assertFalse(dDiff.hasDifferences(), dDiff.fullDescription() + "\n" + dText);
    assertTrue(d.body().length < dText.getBytes(StandardCharsets.UTF_8).length, "binary is smaller than text");

    assertEquals(200, postBinary(E).statusCode());
    String f = null;
    for (int poll = 0; poll < 20 && f == null; poll++) {
      String text = Msbin.toText(postBinary(C).body());
      if (text.contains("<Notes>")) {
        f = text;
      }
    }
    assertTrue(f != null, "no binary poll carried the Sync notes");
    Diff fDiff = CapturedXml.similar(F.bodyText(), f, Set.of());
    assertFalse(fDiff.hasDifferences(), fDiff.fullDescription() + "\n" + f);
  }

  @Test
  void aTextPollOnTheSameEndpointIsStillAnsweredInText() throws Exception {
    postBinary(A);

    HttpResponse<String> d = http.send(request(C, C.body(), C.header("Content-Type")), HttpResponse.BodyHandlers.ofString());

    assertEquals(200, d.statusCode());
    assertTrue(d.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"), d.headers().toString());
    Diff diff = CapturedXml.similar(D.bodyText(), d.body(), CapturedXml.TICKER_VALUES);
    assertFalse(diff.hasDifferences(), diff.fullDescription());
  }

  @Test
  void aTruncatedBinaryRequestGetsABinaryFaultAndTheServerServesOn() throws Exception {
    byte[] whole = Msbin.fromText(A.bodyText());
    byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);

    HttpResponse<byte[]> fault = http.send(request(A, truncated, Msbin.CONTENT_TYPE), HttpResponse.BodyHandlers.ofByteArray());

    assertEquals(500, fault.statusCode());
    String text = Msbin.toText(fault.body());
    assertTrue(text.contains("Fault") && !text.contains("at org."), text);
    assertEquals(200, postBinary(A).statusCode());
  }

  private HttpResponse<byte[]> postBinary(CapturedHttpMessage captured) throws Exception {
    byte[] binary = Msbin.fromText(captured.bodyText());
    return http.send(request(captured, binary, Msbin.CONTENT_TYPE), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest request(CapturedHttpMessage captured, byte[] body, String contentType) {
    return HttpRequest.newBuilder(URI.create(server.address()))
        .header("Content-Type", contentType)
        .header("SOAPAction", captured.header("SOAPAction"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }
}
