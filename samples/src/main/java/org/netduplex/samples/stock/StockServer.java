package org.netduplex.samples.stock;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.netduplex.core.Cancellable;
import org.netduplex.core.Scheduler;
import org.netduplex.core.SystemScheduler;
import org.netduplex.samples.SampleServer;
import org.netduplex.samples.ServerOptions;
import org.netduplex.server.DuplexMetrics;
import org.netduplex.server.PollingDuplexFeature;

/**
 * The stock ticker server of seed 002 on CXF's embedded Jetty: StockService plus a quote ticker, the
 * ticker page at {@code /} and the status page at {@code /status}.
 */
public final class StockServer implements AutoCloseable {
  /** The symbols the sample quotes; the first two appear in the capture. */
  public static final List<String> SYMBOLS = List.of("AAHH", "CZLP", "MSFT", "JAVA", "CXFX", "WCFS", "SLVR", "POLL");

  private final SampleServer sample;
  private final StockServiceImpl service;
  private final Scheduler scheduler;
  private final SystemScheduler ownedScheduler;
  private final Duration tickInterval;
  private volatile Cancellable nextTick;
  private volatile boolean closed;

  private StockServer(Options o) {
    this.tickInterval = o.tickInterval;
    this.service = new StockServiceImpl(new StockQuotes(new Random(o.seed), SYMBOLS));
    this.sample = new SampleServer("stock ticker", o.host(), o.port(), "StockService", o.maxThreads(), o.config(),
        service, service, web -> web.file("/", "stock.html").file("/stock.js", "stock.js"));
    // After the endpoints, which may fail to start (a port in use): nothing to stop then.
    this.ownedScheduler = o.config().scheduler() == null ? new SystemScheduler("stock-ticker", 1) : null;
    this.scheduler = o.config().scheduler() != null ? o.config().scheduler() : ownedScheduler;
    if (!tickInterval.isZero()) {
      nextTick = scheduler.schedule(this::tick, tickInterval);
    }
  }

  /** Starts a server; see {@link Options} for the defaults. */
  public static StockServer start(Options options) {
    return new StockServer(options);
  }

  /** The SOAP 1.1 endpoint (Silverlight 2). */
  public String address() {
    return sample.address();
  }

  /** The SOAP 1.2 + WS-Addressing endpoint, text or binary (Silverlight 3+). */
  public String soap12Address() {
    return sample.soap12Address();
  }

  /** Both endpoints with their profiles, one per line, as start-up prints them. */
  public String describeEndpoints() {
    return sample.describeEndpoints();
  }

  /** The ticker page, served next to the endpoint. */
  public String pageAddress() {
    return sample.pageAddress();
  }

  public PollingDuplexFeature duplex() {
    return sample.duplex();
  }

  public DuplexMetrics metrics() {
    return sample.duplex().metrics();
  }

  /** Sends one quote change to every subscriber now, as the ticker does on its interval. */
  public void tickNow() {
    service.publish(serviceQuotes().tick());
  }

  int subscriberCount() {
    return service.subscriberCount();
  }

  StockServiceImpl service() {
    return service;
  }

  private StockQuotes serviceQuotes() {
    return service.quotes();
  }

  private void tick() {
    if (closed) {
      return;
    }
    tickNow();
    nextTick = scheduler.schedule(this::tick, tickInterval);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    Cancellable t = nextTick;
    if (t != null) {
      t.cancel();
    }
    sample.close();
    if (ownedScheduler != null) {
      ownedScheduler.close();
    }
  }

  /** Settings of a stock server: those of every sample server (port 10201), the ticker's and its quotes' seed. */
  public static final class Options extends ServerOptions<Options> {
    long seed = 2008;
    Duration tickInterval = Duration.ofSeconds(1);

    public Options() {
      super(10201);
    }

    @Override
    protected Options self() {
      return this;
    }

    /** Time between quote changes; zero turns the ticker off. Default 1 second. */
    public Options tickInterval(Duration tickInterval) {
      this.tickInterval = tickInterval;
      return this;
    }

    public Options seed(long seed) {
      this.seed = seed;
      return this;
    }
  }
}
