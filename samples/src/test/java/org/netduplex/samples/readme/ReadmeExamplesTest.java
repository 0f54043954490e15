package org.netduplex.samples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;
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
  void theClientExampleGetsTheFirstQuoteFromTheServerExample() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    URI endpoint = URI.create("http://localhost:" + port + "/StockService");
    try (ServerExample.Started started = ServerExample.start(endpoint.toString())) {
      org.netduplex.stock.Stock first = ClientExample.firstQuote(endpoint);
      assertEquals("AAHH", first.getSymbol());
      assertEquals(256.7, first.getAsk());
    }
  }
}
