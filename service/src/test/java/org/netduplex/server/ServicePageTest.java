package org.netduplex.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netduplex.testing.FakeScheduler;
import org.netduplex.testing.SoapHttp;
import org.netduplex.testing.WireClient;

/**
 * A browser or a health check that GETs the service address gets a page naming the service and
 * linking its WSDL (WCF's service help page), not a 500 with a NullPointerException; {@code ?wsdl}
 * still works, and nothing is logged.
 */
class ServicePageTest {
  private static final Logger ROOT = Logger.getLogger("");

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final Handler recorder = new Handler() {
    @Override
    public void publish(LogRecord r) {
      if (r.getLevel().intValue() >= Level.INFO.intValue()) {
        logged.add(r);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private DuplexTestServer server;

  @BeforeEach
  void start() {
    server = new DuplexTestServer(DuplexServerConfig.builder().scheduler(new FakeScheduler()).build());
    ROOT.addHandler(recorder);
  }

  @AfterEach
  void stop() {
    ROOT.removeHandler(recorder);
    server.close();
  }

  @Test
  void aBrowserGetsAnHtmlPageNamingTheServiceAndLinkingItsWsdl() throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(server.address)
        .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET());

    assertEquals(200, r.statusCode(), r.body());
    assertEquals("text/html;charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
    assertTrue(r.body().contains("<title>StockService</title>"), r.body());
    assertTrue(r.body().contains("<a href=\"" + server.address + "?wsdl\">"), r.body());
    assertEquals(List.of(), messages());
  }

  @Test
  void aHealthCheckGetsPlainText() throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(server.address).GET());

    assertEquals(200, r.statusCode(), r.body());
    assertEquals("text/plain;charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
    assertTrue(r.body().startsWith("StockService: a WCF polling duplex SOAP service"), r.body());
    assertTrue(r.body().contains("WSDL): " + server.address + "?wsdl\n"), r.body());
    assertEquals(List.of(), messages());
  }

  @Test
  void headIsAnsweredLikeGetWithoutABody() throws Exception {
    HttpResponse<String> get = send(HttpRequest.newBuilder(server.address).GET());
    HttpResponse<String> head = send(HttpRequest.newBuilder(server.address).method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertEquals(200, head.statusCode());
    assertEquals("", head.body());
    assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"));
    assertEquals(String.valueOf(get.body().getBytes(StandardCharsets.UTF_8).length),
        head.headers().firstValue("Content-Length").orElseThrow());
    assertEquals(List.of(), messages());
  }

  @Test
  void theWsdlIsStillServedAndTheServiceStillWorks() throws Exception {
    HttpResponse<String> wsdl = send(HttpRequest.newBuilder(URI.create(server.address + "?wsdl")).GET());

    assertEquals(200, wsdl.statusCode());
    assertTrue(wsdl.body().contains("<wsdl:definitions") && wsdl.body().contains("name=\"StockService\""), wsdl.body());
    assertEquals(200, new SoapHttp(server.address).post(WireClient.REGISTER, WireClient.random().register()).statusCode());
  }

  @Test
  void anotherMethodGets405NamingTheAllowedOnes() throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(server.address).DELETE());

    assertEquals(405, r.statusCode(), r.body());
    assertEquals("GET, HEAD, POST", r.headers().firstValue("Allow").orElseThrow());
    assertEquals(List.of(), messages());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private List<String> messages() {
    return logged.stream().map(r -> r.getLevel() + " " + r.getMessage()).toList();
  }
}
