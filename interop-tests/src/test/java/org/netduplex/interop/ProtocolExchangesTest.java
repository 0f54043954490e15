package org.netduplex.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
 * Exchanges of docs/protocol.md section 9 that no capture shows, derived from the captured ones and
 * replayed over HTTP against the StockService: the answer is compared with the expected XML.
 */
class ProtocolExchangesTest {
  private static final CapturedHttpMessage A = Replay.capture("A-register.request.http");
  private static final CapturedHttpMessage B = Replay.capture("B-register.response.http");
  private static final CapturedHttpMessage C = Replay.capture("C-makeconnection.request.http");
  private static final CapturedHttpMessage D = Replay.capture("D-makeconnection.response.http");
  private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
  private static final String ADDRESS = "http://docs.oasis-open.org/ws-rx/wsmc/200702/anoynmous?id=d640645c-4650-4889-8fd0-e7bf52156bcc";

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
  void closeSessionIsAnsweredLikeStepBTheQueueStillDrainsThenTheAddressIsUnknown() {
    client.replay(A);
    String close = A.bodyText().replace("</netdx:Duplex>", "<netdx:CloseSession/></netdx:Duplex>");

    HttpResponse<String> closed = client.post("Silverlight/IStockService/Register", close);

    assertEquals(B.status(), closed.statusCode());
    assertEquals(B.header("Content-Length"), closed.headers().firstValue("Content-Length").orElse(null));
    HttpResponse<String> d = client.replay(C);
    assertSimilar(D.bodyText(), d.body(), CapturedXml.TICKER_VALUES);
    HttpResponse<String> last = d;
    for (int poll = 0; poll < 50 && last.statusCode() == 200; poll++) {
      last = client.replay(C); // the rest of Register's quotes, then the session is gone
    }
    assertEquals(500, last.statusCode());
    assertSimilar(fault("ndf:UnknownAddress", "urn:netduplex:faults",
        "No open duplex session uses the address " + ADDRESS), last.body(), Set.of());
  }

  @Test
  void aPollWithoutAddressGetsWsmcMissingSelectionInTheSoap11Form() {
    HttpResponse<String> r = client.post(C.header("SOAPAction").replace("\"", ""),
        C.bodyText().replaceAll("(?s)<wsmc:Address>.*</wsmc:Address>", ""));

    assertEquals(500, r.statusCode());
    assertSimilar(fault("wsmc:MissingSelection", "http://docs.oasis-open.org/ws-rx/wsmc/200702",
        "The MakeConnection element did not contain any selection criteria"), r.body(), Set.of());
  }

  @Test
  void theSpecSpellingOfTheAnonymousUriWorksAndIsEchoedUnchanged() {
    String register = A.bodyText().replace("/anoynmous?", "/anonymous?");
    String poll = C.bodyText().replace("/anoynmous?", "/anonymous?");

    assertEquals(200, client.post("Silverlight/IStockService/Register", register).statusCode());
    HttpResponse<String> d = client.post(C.header("SOAPAction").replace("\"", ""), poll);

    assertSimilar(D.bodyText().replace("/anoynmous?", "/anonymous?"), d.body(), CapturedXml.TICKER_VALUES);
  }

  private static String fault(String code, String codeNamespace, String reason) {
    String prefix = code.substring(0, code.indexOf(':'));
    return "<s:Envelope xmlns:s=\"" + SOAP11 + "\"><s:Body xmlns:" + prefix + "=\"" + codeNamespace + "\"><s:Fault>"
        + "<faultcode>" + code + "</faultcode><faultstring>" + reason + "</faultstring></s:Fault></s:Body></s:Envelope>";
  }

  private static void assertSimilar(String expected, String actual, Set<String> valuesThatMayDiffer) {
    Diff diff = CapturedXml.similar(expected, actual, valuesThatMayDiffer);
    assertFalse(diff.hasDifferences(), diff.fullDescription() + "\n" + actual);
  }
}
