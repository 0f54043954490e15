package org.netduplex.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.testing.FakeScheduler;
import org.netduplex.testing.SoapHttp;
import org.netduplex.testing.WireClient;

/**
 * A poll woken the moment the engine parks it, while its request thread is still on its way to
 * suspending the CXF continuation ({@code ContinuationPollWaiter}), is answered then, not when the
 * container's own async timeout (90 s here) ends it. Many park-then-wake rounds in a row, each
 * waking as soon as the poll counts as parked, so the window is crossed from both sides.
 */
class WakeRightAfterParkingTest {
  private static final Duration POLL_TIMEOUT = Duration.ofSeconds(15);
  private static final int ROUNDS = 40;

  private final FakeScheduler scheduler = new FakeScheduler();
  private DuplexTestServer server;
  private SoapHttp http;
  private WireClient client;

  @BeforeEach
  void start() {
    server = new DuplexTestServer(DuplexServerConfig.builder().pollTimeout(POLL_TIMEOUT).scheduler(scheduler).build());
    http = new SoapHttp(server.address);
    client = WireClient.random();
    http.post(WireClient.REGISTER, client.register());
    assertTrue(http.post(WireClient.MAKE_CONNECTION, client.makeConnection()).body().contains("AAHH"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aMessageQueuedTheMomentAPollParksArrivesAtOnce() throws Exception {
    DuplexSession session = server.feature.sessions().iterator().next();
    for (int round = 0; round < ROUNDS; round++) {
      CompletableFuture<HttpResponse<String>> poll = parkedPoll();

      session.callback(IStockServiceCallback.class).update(StockServiceLogic.stock("R" + round, 1, 1, null));

      HttpResponse<String> r = answerOf(poll, round);
      assertTrue(r.body().contains("<Symbol>R" + round + "</Symbol>"), r.body());
    }
  }

  /** A poll sent, returned as soon as the engine counts it parked: no pause that would close the window. */
  private CompletableFuture<HttpResponse<String>> parkedPoll() {
    CompletableFuture<HttpResponse<String>> poll = http.postAsync(WireClient.MAKE_CONNECTION, client.makeConnection());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (server.feature.metrics().parkedPolls() != 1) {
      assertTrue(System.nanoTime() < deadline && !poll.isDone(), "the poll did not park");
      Thread.onSpinWait();
    }
    return poll;
  }

  private static HttpResponse<String> answerOf(CompletableFuture<HttpResponse<String>> poll, int round) throws Exception {
    try {
      return poll.get(5, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("round " + round + ": the woken poll was not answered (its resume was lost)", e);
    }
  }
}
