package org.netduplex.samples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.cxf.endpoint.Server;
import org.junit.jupiter.api.Test;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.client.PollingDuplexClient;
import org.netduplex.client.WireFormat;
import org.netduplex.stock.IStockService;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.stock.Stock;
import org.netduplex.testing.SoapHttp;
import org.netduplex.testing.WireClient;

/** The README's code is real: it is quoted verbatim from compiled sources, and it works. */
class ReadmeExamplesTest {

  @Test
  void readmeQuotesTheServerExamplesVerbatim() throws IOException {
    String readme = ReadmeSnippets.readme();
    assertTrue(readme.contains(ReadmeSnippets.snippet("QuoteService.java", "service")), "README service snippet is stale");
    assertTrue(readme.contains(ReadmeSnippets.snippet("ServerExample.java", "server")), "README server snippet is stale");
    assertTrue(readme.contains(ReadmeSnippets.snippet("ClientExample.java", "client")), "README client snippet is stale");
    assertTrue(readme.contains(ReadmeSnippets.snippet("ServerExample.java", "soap12")), "README SOAP 1.2 snippet is stale");
    assertTrue(readme.contains(ReadmeSnippets.snippet("JettyExample.java", "jetty")), "README embedded Jetty snippet is stale");
    for (String twoWay : new String[] {"twoway-contract", "twoway", "twoway-async"}) {
      assertTrue(readme.contains(ReadmeSnippets.snippet("TwoWayExample.java", twoWay)), "README " + twoWay + " snippet is stale");
    }
  }

  @Test
  void theServerExampleUsesWcfsSettingNamesNotTheAliases() throws IOException {
    String server = ReadmeSnippets.snippet("ServerExample.java", "server");
    assertTrue(server.contains(".maxPendingMessagesPerSession("), server);
    assertTrue(!server.contains("maxQueuedMessagesPerSession"), "the README teaches the alias: " + server);
  }

  @Test
  void theServerExampleServesARegisteredClient() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (ServerExample.Started started = ServerExample.start("http://localhost:" + port + "/StockService")) {
      SoapHttp http = new SoapHttp(URI.create("http://localhost:" + port + "/StockService"));
      WireClient client = WireClient.random();
      assertEquals(200, http.post(WireClient.REGISTER, client.register()).statusCode());
      String answer = http.post(WireClient.MAKE_CONNECTION, client.makeConnection()).body();
      assertTrue(answer.contains(client.sessionIdElement()) && answer.contains("<Symbol>AAHH</Symbol>"), answer);
    }
  }

  @Test
  void theServerExamplePublishesTheContractsWsdlNotOneNamedAfterTheClass() throws Exception {
    String address = "http://localhost:" + freePort() + "/StockService";
    try (ServerExample.Started started = ServerExample.start(address)) {
      String wsdl = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(address + "?wsdl")).build(),
          HttpResponse.BodyHandlers.ofString()).body();

      assertTrue(wsdl.contains("<wsdl:service name=\"StockService\">"), wsdl);
      assertTrue(wsdl.contains("targetNamespace=\"Silverlight\""), wsdl);
      assertTrue(wsdl.contains("name=\"PollingDuplexHttpBinding_IStockService\""), wsdl);
    }
  }

  @Test
  void theSoap12ExampleServesASilverlight3BinaryClientInTheSessionsOfTheSoap11One() throws Exception {
    String address = "http://localhost:" + freePort() + "/StockService";
    try (ServerExample.Started started = ServerExample.startBothProfiles(address)) {
      BlockingQueue<Stock> quotes = new LinkedBlockingQueue<>();
      try (PollingDuplexClient<IStockService> sl3 = PollingDuplexClient.builder(URI.create(address + "-soap12"))
          .callback(IStockServiceCallback.class, quotes::add)
          .config(DuplexClientConfig.builder().wireFormat(WireFormat.SOAP12_BINARY).build())
          .build(IStockService.class)) {
        sl3.service().register();
        Stock first = quotes.poll(10, TimeUnit.SECONDS);
        assertEquals("AAHH", first == null ? null : first.getSymbol());
        assertEquals(1, started.duplex().metrics().openSessions());
      }
    }
  }

  @Test
  void theEmbeddedJettyExampleServesARegisteredClient() throws Exception {
    int port = freePort();
    Server server = JettyExample.start("127.0.0.1", port);
    try {
      SoapHttp http = new SoapHttp(URI.create("http://127.0.0.1:" + port + "/StockService"));
      WireClient client = WireClient.random();
      assertEquals(200, http.post(WireClient.REGISTER, client.register()).statusCode());
      String answer = http.post(WireClient.MAKE_CONNECTION, client.makeConnection()).body();
      assertTrue(answer.contains(client.sessionIdElement()) && answer.contains("<Symbol>AAHH</Symbol>"), answer);
    } finally {
      server.destroy();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void theClientExampleGetsTheFirstQuoteFromTheServerExample() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    URI endpoint = URI.create("http://localhost:" + port + "/StockService");
    try (ServerExample.Started started = ServerExample.start(endpoint.toString())) {
      Stock first = ClientExample.firstQuote(endpoint);
      assertEquals("AAHH", first.getSymbol());
      assertEquals(256.7, first.getAsk());
    }
  }
}
