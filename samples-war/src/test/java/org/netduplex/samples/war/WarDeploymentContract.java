package org.netduplex.samples.war;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.client.PollingDuplexClient;
import org.netduplex.client.WireFormat;
import org.netduplex.stock.IStockService;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.stock.Stock;
import org.netduplex.testing.Eventually;
import org.netduplex.testing.SoapHttp;
import org.netduplex.testing.WireClient;

/**
 * What a servlet deployment of polling duplex must do, run against the built WAR in each real
 * container: polls park on the container's async support, callbacks arrive, and undeploying answers
 * parked polls and ends every session with {@code SERVER_STOPPED}.
 */
abstract class WarDeploymentContract {
  /** The web application logs through java.util.logging, which is one per JVM: the test reads it there. */
  private static final Logger NETDUPLEX_LOG = Logger.getLogger("org.netduplex");

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final Handler recorder = new Handler() {
    @Override
    public void publish(LogRecord r) {
      if (r.getLevel().intValue() >= Level.INFO.intValue()) {
        logged.add(r.getLevel() + " " + r.getMessage());
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private DeployedWar war;

  abstract DeployedWar deploy(Path war) throws Exception;

  @BeforeEach
  void deploy() throws Exception {
    NETDUPLEX_LOG.addHandler(recorder);
    war = deploy(DeployedWar.builtWar());
  }

  @AfterEach
  void stop() throws Exception {
    NETDUPLEX_LOG.removeHandler(recorder);
    war.close();
  }

  @Test
  void aPollParksUntilACallbackFromAnotherClientsCallArrives() throws Exception {
    BlockingQueue<Stock> sl2Quotes = new LinkedBlockingQueue<>();
    BlockingQueue<Stock> sl3Quotes = new LinkedBlockingQueue<>();
    try (PollingDuplexClient<IStockService> sl2 = client(endpoint(), WireFormat.SOAP11_TEXT, sl2Quotes);
        PollingDuplexClient<IStockService> sl3 = client(endpoint().resolve("StockService-soap12"), WireFormat.SOAP12_BINARY,
            sl3Quotes)) {
      sl2.service().register();
      assertEquals("AAHH", take(sl2Quotes).getSymbol());
      sl3.service().register();
      assertEquals("AAHH", take(sl3Quotes).getSymbol());
      Eventually.await("both clients' polls parked", () -> status().contains("parkedPolls 2\n"));

      Stock czlp = new Stock();
      czlp.setSymbol("CZLP");
      czlp.setAsk(35.27);
      czlp.setBid(34.21);
      czlp.setNotes("buy before the close");
      sl3.service().sync(czlp);

      Stock pushed = take(sl2Quotes);                // answered the Silverlight 2 client's parked poll
      assertEquals("CZLP", pushed.getSymbol());
      assertEquals("buy before the close", pushed.getNotes());
      assertEquals("CZLP", take(sl3Quotes).getSymbol());
    }
  }

  @Test
  void undeployingAnswersParkedPollsWithAnEmpty200AndEndsEverySessionWithServerStopped() throws Exception {
    SoapHttp soap = new SoapHttp(endpoint());
    List<WireClient> clients = List.of(WireClient.random(), WireClient.random());
    for (WireClient c : clients) {
      assertEquals(200, soap.post(WireClient.REGISTER, c.register()).statusCode());
      assertTrue(soap.post(WireClient.MAKE_CONNECTION, c.makeConnection()).body().contains("<Symbol>AAHH</Symbol>"));
    }
    List<CompletableFuture<HttpResponse<String>>> polls = clients.stream()
        .map(c -> soap.postAsync(WireClient.MAKE_CONNECTION, c.makeConnection())).toList();
    Eventually.await("two polls parked", () -> status().contains("parkedPolls 2\n"));

    war.undeploy();

    for (CompletableFuture<HttpResponse<String>> poll : polls) {
      HttpResponse<String> answer = poll.get(10, TimeUnit.SECONDS);
      assertEquals(200, answer.statusCode(), answer.body());
      assertEquals("0", answer.headers().firstValue("Content-Length").orElse("none"), answer.headers().map().toString());
      assertEquals("", answer.body());
    }
    for (WireClient c : clients) {
      String ended = "INFO Session " + c.sessionId.substring(0, 8) + " ended: SERVER_STOPPED";
      assertEquals(1, logged.stream().filter(ended::equals).count(), logged.toString());
    }
    assertTrue(logged.stream().noneMatch(line -> line.startsWith("WARNING")), logged.toString()); // all answered in time
    assertEquals(404, soap.post(WireClient.MAKE_CONNECTION, clients.get(0).makeConnection()).statusCode());
  }

  @Test
  void stoppingTheWholeContainerAnswersAParkedPollWithAnEmpty200() throws Exception {
    SoapHttp soap = new SoapHttp(endpoint());
    WireClient client = WireClient.random();
    soap.post(WireClient.REGISTER, client.register());
    soap.post(WireClient.MAKE_CONNECTION, client.makeConnection());
    CompletableFuture<HttpResponse<String>> poll = soap.postAsync(WireClient.MAKE_CONNECTION, client.makeConnection());
    Eventually.await("the poll parked", () -> status().contains("parkedPolls 1\n"));

    war.close();

    HttpResponse<String> answer = poll.get(10, TimeUnit.SECONDS);
    assertEquals(200, answer.statusCode(), answer.body());
    assertEquals("", answer.body());
    assertEquals(1, logged.stream().filter(("INFO Session " + client.sessionId.substring(0, 8) + " ended: SERVER_STOPPED")::equals)
        .count(), logged.toString());
  }

  private URI endpoint() {
    return war.root().resolve("services/StockService");
  }

  private String status() {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(war.root().resolve("status")).build(),
          HttpResponse.BodyHandlers.ofString());
      return r.body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static PollingDuplexClient<IStockService> client(URI endpoint, WireFormat format, BlockingQueue<Stock> quotes) {
    IStockServiceCallback onQuote = quotes::add;
    return PollingDuplexClient.builder(endpoint)
        .callback(IStockServiceCallback.class, onQuote)
        .config(DuplexClientConfig.builder().wireFormat(format).closeTimeout(Duration.ofSeconds(1)).build())
        .build(IStockService.class);
  }

  private static Stock take(BlockingQueue<Stock> quotes) throws InterruptedException {
    Stock s = quotes.poll(10, TimeUnit.SECONDS);
    if (s == null) {
      throw new AssertionError("no callback within 10 s");
    }
    return s;
  }
}
