package org.netduplex.samples.stock;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.netduplex.core.Cancellable;
import org.netduplex.core.Scheduler;
import org.netduplex.core.SystemScheduler;
import org.netduplex.server.DuplexMetrics;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.PollingDuplexFeature;
import org.netduplex.server.PollingDuplexJetty;
import org.netduplex.samples.web.SessionStatus;
import org.netduplex.samples.web.WebContent;

/**
 * The stock ticker server of seed 002 on CXF's embedded Jetty: StockService plus a quote ticker, the
 * ticker page at {@code /} and the status page at {@code /status}.
 */
public final class StockServer implements AutoCloseable {
  /** The symbols the sample quotes; the first two appear in the capture. */
  public static final List<String> SYMBOLS = List.of("AAHH", "CZLP", "MSFT", "JAVA", "CXFX", "WCFS", "SLVR", "POLL");

  private final PollingDuplexFeature duplex;
  private final StockServiceImpl service;
  private final Server server;
  private final Bus bus;
  private final Scheduler scheduler;
  private final SystemScheduler ownedScheduler;
  private final Duration tickInterval;
  private final String address;
  private volatile Cancellable nextTick;
  private volatile boolean closed;

  private StockServer(Options o) {
    this.address = "http://" + o.host + ":" + o.port + "/StockService";
    this.tickInterval = o.tickInterval;
    this.ownedScheduler = o.config.scheduler() == null ? new SystemScheduler("stock-ticker", 1) : null;
    this.scheduler = o.config.scheduler() != null ? o.config.scheduler() : ownedScheduler;
    this.service = new StockServiceImpl(new StockQuotes(new Random(o.seed), SYMBOLS));
    this.duplex = new PollingDuplexFeature(o.config.toBuilder().listener(service).build());
    this.bus = BusFactory.newInstance().createBus();
    PollingDuplexJetty.preparePort(bus, o.host, o.port, o.maxThreads);
    JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
    factory.setBus(bus);
    factory.setServiceClass(StockServiceImpl.class);
    factory.setServiceBean(service);
    factory.setAddress(address);
    factory.getFeatures().add(duplex);
    this.server = factory.create();
    new WebContent()
        .file("/", "stock.html").file("/stock.js", "stock.js")
        .file("/netduplex.js", "netduplex.js").file("/style.css", "style.css")
        .file("/status", "status.html").file("/status.js", "status.js")
        .generated("/status.json", () -> SessionStatus.json("stock ticker", duplex))
        .mountNextTo(bus, address);
    if (!tickInterval.isZero()) {
      nextTick = scheduler.schedule(this::tick, tickInterval);
    }
  }

  /** Starts a server; see {@link Options} for the defaults. */
  public static StockServer start(Options options) {
    return new StockServer(options);
  }

  public String address() {
    return address;
  }

  /** The ticker page, served next to the endpoint. */
  public String pageAddress() {
    return address.substring(0, address.lastIndexOf('/') + 1);
  }

  public PollingDuplexFeature duplex() {
    return duplex;
  }

  public DuplexMetrics metrics() {
    return duplex.metrics();
  }

  /** Sends one quote change to every subscriber now, as the ticker does on its interval. */
  public void tickNow() {
    service.publish(serviceQuotes().tick());
  }

  int subscriberCount() {
    return service.subscriberCount();
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
    server.destroy();
    duplex.close();
    bus.shutdown(true);
    if (ownedScheduler != null) {
      ownedScheduler.close();
    }
  }

  /** Settings of a stock server. */
  public static final class Options {
    String host = "localhost";
    int port = 10201;
    int maxThreads = 32;
    long seed = 2008;
    Duration tickInterval = Duration.ofSeconds(1);
    DuplexServerConfig config = DuplexServerConfig.builder().build();

    public Options host(String host) {
      this.host = host;
      return this;
    }

    public Options port(int port) {
      this.port = port;
      return this;
    }

    /** Request threads of the embedded Jetty; parked polls hold none. Default 32. */
    public Options maxThreads(int maxThreads) {
      this.maxThreads = maxThreads;
      return this;
    }

    /** Time between quote changes; zero turns the ticker off. Default 1 second. */
    public Options tickInterval(Duration tickInterval) {
      this.tickInterval = tickInterval;
      return this;
    }

    public Options config(DuplexServerConfig config) {
      this.config = config;
      return this;
    }

    public Options seed(long seed) {
      this.seed = seed;
      return this;
    }
  }
}
