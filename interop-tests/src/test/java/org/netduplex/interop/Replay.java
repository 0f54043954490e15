package org.netduplex.interop;

import java.time.Duration;
import org.netduplex.samples.stock.StockServer;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.testing.CapturedHttpMessage;
import org.netduplex.testing.FakeScheduler;

/** What the replay tests share: the captured messages, and a stock server that keeps still for them. */
final class Replay {
  private Replay() {}

  /** The sample StockService on a free port, ticker off, time fake: no poll times out under a test. */
  static StockServer quietStockServer() {
    return StockServer.start(new StockServer.Options()
        .port(FreePort.find())
        .tickInterval(Duration.ZERO)
        .config(DuplexServerConfig.builder().scheduler(new FakeScheduler()).build()));
  }

  /** A message of the seed 002 capture, e.g. {@code "A-register.request.http"}. */
  static CapturedHttpMessage capture(String name) {
    return CapturedHttpMessage.fromResource("/captures/" + name);
  }
}
