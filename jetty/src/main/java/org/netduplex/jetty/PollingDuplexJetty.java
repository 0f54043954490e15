package org.netduplex.jetty;

import org.apache.cxf.Bus;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngine;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Prepares CXF's embedded Jetty for many parked polls: a bounded thread pool (parked polls hold no
 * thread, so a few dozen serve tens of thousands of clients) and a deep accept queue, without which
 * a burst of thousands of simultaneous polls loses connections, and no per-connection header cache.
 * Call before publishing an endpoint on that port.
 */
public final class PollingDuplexJetty {
  /** Default pending-connection backlog: enough for a burst of reconnecting clients. */
  public static final int DEFAULT_ACCEPT_QUEUE = 4_096;
  /**
   * Jetty's per-connection header cache: at its default size it is a 64 KiB table per connection,
   * so per parked poll, about 70% of a parked session's memory (interop-tests/BENCHMARK.md). Polls
   * carry a handful of headers; parsing them uncached costs little.
   */
  public static final int HEADER_CACHE_SIZE = 0;

  private PollingDuplexJetty() {}

  /** Configures {@code host:port} of {@code bus} with at most {@code maxThreads} request threads. */
  public static void preparePort(Bus bus, String host, int port, int maxThreads) {
    try {
      JettyHTTPServerEngineFactory factory = bus.getExtension(JettyHTTPServerEngineFactory.class);
      JettyHTTPServerEngine engine = factory.createJettyHTTPServerEngine(host, port, "http");
      QueuedThreadPool pool = new QueuedThreadPool(maxThreads, Math.min(8, maxThreads));
      pool.setName("netduplex-http");
      Server jetty = new Server(pool);
      HttpConfiguration http = new HttpConfiguration();
      http.setHeaderCacheSize(HEADER_CACHE_SIZE);
      ServerConnector connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(http));
      connector.setHost(host);
      connector.setPort(port);
      connector.setAcceptQueueSize(DEFAULT_ACCEPT_QUEUE);
      connector.setReuseAddress(true);
      connector.setIdleTimeout(engine.getMaxIdleTime()); // as CXF's own connector: 200 s, above any poll timeout
      engine.setConnector(connector);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot prepare Jetty on " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }
}
