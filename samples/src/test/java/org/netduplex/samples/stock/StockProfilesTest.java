package org.netduplex.samples.stock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.client.PollingDuplexClient;
import org.netduplex.client.WireFormat;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.stock.IStockService;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.stock.Stock;

/**
 * The stock server in both Silverlight profiles: SOAP 1.1 text at its address, SOAP 1.2 + WS-Addressing
 * (binary or text) at {@code -soap12}, one set of sessions behind both.
 */
class StockProfilesTest {
  private StockServer server;
  private final BlockingQueue<Stock> sl2Quotes = new LinkedBlockingQueue<>();
  private final BlockingQueue<Stock> sl3Quotes = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    server = StockServer.start(new StockServer.Options().port(port).tickInterval(Duration.ZERO)
        .config(DuplexServerConfig.builder().pollTimeout(Duration.ofSeconds(1)).build()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theSoap12EndpointIsNextToTheSoap11One() {
    assertEquals(server.address() + "-soap12", server.soap12Address());
    assertTrue(server.describeEndpoints().contains(server.soap12Address()), server.describeEndpoints());
  }

  @Test
  void aSilverlight3BinaryClientGetsEveryQuote() throws InterruptedException {
    try (PollingDuplexClient<IStockService> sl3 = client(server.soap12Address(), WireFormat.SOAP12_BINARY, sl3Quotes)) {
      sl3.service().register();

      for (String symbol : StockServer.SYMBOLS) {
        Stock quote = sl3Quotes.poll(10, TimeUnit.SECONDS);
        assertNotNull(quote, "no quote for " + symbol);
        assertEquals(symbol, quote.getSymbol());
      }
    }
  }

  @Test
  void aSilverlight3TextClientGetsEveryQuote() throws InterruptedException {
    try (PollingDuplexClient<IStockService> sl3 = client(server.soap12Address(), WireFormat.SOAP12_TEXT, sl3Quotes)) {
      sl3.service().register();

      assertEquals(StockServer.SYMBOLS.get(0), sl3Quotes.poll(10, TimeUnit.SECONDS).getSymbol());
    }
  }

  @Test
  void aSyncFromEitherProfileReachesTheOther() throws InterruptedException {
    try (PollingDuplexClient<IStockService> sl2 = client(server.address(), WireFormat.SOAP11_TEXT, sl2Quotes);
        PollingDuplexClient<IStockService> sl3 = client(server.soap12Address(), WireFormat.SOAP12_BINARY, sl3Quotes)) {
      sl2.service().register();
      sl3.service().register();
      drain(sl2Quotes);
      drain(sl3Quotes);

      sl2.service().sync(StockQuotes.stock("CZLP", 35.27, 34.21, "from Silverlight 2"));
      assertEquals("from Silverlight 2", nextNotes(sl3Quotes));
      assertEquals("from Silverlight 2", nextNotes(sl2Quotes)); // Sync echoes to the sender too
      sl3.service().sync(StockQuotes.stock("AAHH", 256.7, 256.02, "from Silverlight 3"));
      assertEquals("from Silverlight 3", nextNotes(sl2Quotes));
      assertEquals("from Silverlight 3", nextNotes(sl3Quotes));
      assertEquals(2, server.metrics().openSessions());
    }
  }

  @Test
  void theWsdlNamesBothPortsAtTheirAddresses() throws Exception {
    String wsdl = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.soap12Address() + "?wsdl"))
        .build(), HttpResponse.BodyHandlers.ofString()).body();

    assertTrue(wsdl.contains("name=\"CustomBinding_IStockService\""), wsdl);
    assertTrue(wsdl.contains("<soap12:address location=\"" + server.soap12Address() + "\""), wsdl);
    assertTrue(wsdl.contains("<soap:address location=\"" + server.address() + "\""), wsdl);
  }

  @Test
  void theStatusPageListsBothEndpointsWithTheirProfiles() throws Exception {
    String json = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.pageAddress() + "status.json"))
        .build(), HttpResponse.BodyHandlers.ofString()).body();

    assertTrue(json.contains("\"endpoints\":[{\"address\":\"" + server.address()
        + "\",\"profile\":\"Silverlight 2: SOAP 1.1 text\"},{\"address\":\"" + server.soap12Address()
        + "\",\"profile\":\"Silverlight 3+: SOAP 1.2 + WS-Addressing, binary or text\"}]"), json);
  }

  private PollingDuplexClient<IStockService> client(String address, WireFormat format, BlockingQueue<Stock> into) {
    return PollingDuplexClient.builder(URI.create(address))
        .callback(IStockServiceCallback.class, into::add)
        .config(DuplexClientConfig.builder().serverPollTimeout(Duration.ofSeconds(1)).wireFormat(format).build())
        .build(IStockService.class);
  }

  /** Takes the quotes Register sent. */
  private static void drain(BlockingQueue<Stock> quotes) throws InterruptedException {
    for (int i = 0; i < StockServer.SYMBOLS.size(); i++) {
      assertNotNull(quotes.poll(10, TimeUnit.SECONDS), "Register sent fewer quotes than symbols");
    }
  }

  private static String nextNotes(BlockingQueue<Stock> quotes) throws InterruptedException {
    Stock quote = quotes.poll(10, TimeUnit.SECONDS);
    assertNotNull(quote, "the Sync did not arrive");
    return quote.getNotes();
  }
}
