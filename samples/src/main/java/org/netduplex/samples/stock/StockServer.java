package org.netduplex.samples.stock;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.netduplex.core.Scheduler;
import org.netduplex.core.SystemScheduler;
import org.netduplex.redis.RedisDuplexStore;
import org.netduplex.samples.ClusterStore;
import org.netduplex.samples.SampleServer;
import org.netduplex.samples.ServerOptions;
import org.netduplex.server.DuplexMetrics;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.PollingDuplexFeature;

/**
 * The stock ticker server of seed 002 on CXF's embedded Jetty: StockService plus a quote ticker, the
 * ticker page at {@code /} and the status page at {@code /status}. The ticker runs through
 * {@link PollingDuplexFeature#runOnOneNode}: on one node of a cluster at a time (in memory: here);
 * a cluster node keeps the quotes in the cluster's Redis ({@link RedisQuoteBook}), so every node
 * registers clients with the prices the ticker last set.
 */
public final class StockServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(StockServer.class.getName());
  /** The ticker's lease, the same on every node. */
  static final String TICKER = "stock-ticker";
  /** The symbols the sample quotes; the first two appear in the capture. */
  public static final List<String> SYMBOLS = List.of("AAHH", "CZLP", "MSFT", "JAVA", "CXFX", "WCFS", "SLVR", "POLL");

  private final SampleServer<StockServiceImpl> sample;
  private final StockServiceImpl service;
  private final SystemScheduler ownedScheduler;
  private final StockTicker ticker;
  private final AutoCloseable tickerLease;
  private volatile boolean closed;

  private StockServer(Options o) {
    StockQuotes quotes = new StockQuotes(new Random(o.seed), SYMBOLS, bookFor(o.config()));
    this.sample = new SampleServer<>("stock ticker", o.host(), o.port(), "StockService", o.maxThreads(), o.config(),
        duplex -> new StockServiceImpl(quotes, duplex.groups()),
        web -> web.file("/", "stock.html").file("/stock.js", "stock.js"));
    this.service = sample.service();
    // After the endpoints, which may fail to start (a port in use): nothing to stop then.
    this.ownedScheduler = o.config().scheduler() == null ? new SystemScheduler("stock-ticker", 1) : null;
    Scheduler scheduler = o.config().scheduler() != null ? o.config().scheduler() : ownedScheduler;
    this.ticker = new StockTicker(scheduler, o.tickInterval, this::tickNow);
    this.tickerLease = o.tickInterval.isZero() ? () -> { } : sample.duplex().runOnOneNode(TICKER, ticker);
  }

  /** One node's quotes in memory; a cluster node's (its store is in Redis) in that Redis, shared by every node. */
  private static QuoteBook bookFor(DuplexServerConfig config) {
    return config.store() == null ? new LocalQuoteBook()
        : new RedisQuoteBook(RedisDuplexStore.connection(config.store()), ClusterStore.keyPrefix("stock") + ":app");
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

  /** Whether the ticker runs on this node now (in a cluster, on one node at a time). */
  boolean tickerRunning() {
    return ticker.running();
  }

  /** Ticks this node's ticker ran. */
  int ticks() {
    return ticker.ticks();
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

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      tickerLease.close(); // gives up the lease at once, so another node takes the ticker over
    } catch (Exception e) {
      LOG.log(Level.WARNING, "The ticker did not stop cleanly: " + e);
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
