package org.netduplex.jetty;

import org.apache.cxf.Bus;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngine;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.netduplex.core.internal.RefusalLog;
import org.netduplex.jetty.internal.PlainErrorHandler;

/**
 * Prepares CXF's embedded Jetty for many parked polls: a bounded thread pool (parked polls hold no
 * thread, so a few dozen serve tens of thousands of clients) and a deep accept queue, without which
 * a burst of thousands of simultaneous polls loses connections, and no per-connection header cache.
 * Errors Jetty answers itself (unparsable requests) are one line of plain text, and no answer names
 * the server. Call before publishing an endpoint on that port.
 */
public final class PollingDuplexJetty {
  /** Default pending-connection backlog: enough for a burst of reconnecting clients. */
  public static final int DEFAULT_ACCEPT_QUEUE = 4_096;
  /**
   * Jetty's per-connection header cache: at its default size it is a 64 KiB table per connection,
   * so per parked poll, about 70% of a parked session's memory (benchmarks/SCALE.md). Polls
   * carry a handful of headers; parsing them uncached costs little.
   */
  public static final int HEADER_CACHE_SIZE = 0;

  private PollingDuplexJetty() {}

  /**
   * Answers Jetty's own errors with {@link PlainErrorHandler}: CXF installs its HTML error handler
   * when it first publishes on the port, which this server keeps out.
   */
  private static final class PlainErrorsServer extends Server {
    private final PlainErrorHandler errors = new PlainErrorHandler(RefusalLog.standard());

    PlainErrorsServer(QueuedThreadPool pool) {
      super(pool);
      super.setErrorHandler(errors);
    }

    @Override
    public void setErrorHandler(org.eclipse.jetty.server.Request.Handler ignored) {
      // keep ours
    }

    @Override
    public org.eclipse.jetty.server.Request.Handler getErrorHandler() {
      return errors;
    }
  }

  /**
   * Configures {@code host:port} of {@code bus} with at most {@code maxThreads} request threads.
   *
   * @param bus the bus whose endpoints will publish on that port
   * @param host the interface to listen on, such as {@code localhost}
   * @param port the port; call before publishing the first endpoint on it
   * @param maxThreads most request threads; parked polls hold none
   * @throws IllegalStateException if CXF's Jetty transport cannot set up the port
   */
  public static void preparePort(Bus bus, String host, int port, int maxThreads) {
    try {
      JettyHTTPServerEngineFactory factory = bus.getExtension(JettyHTTPServerEngineFactory.class);
      JettyHTTPServerEngine engine = factory.createJettyHTTPServerEngine(host, port, "http");
      QueuedThreadPool pool = new QueuedThreadPool(maxThreads, Math.min(8, maxThreads));
      pool.setName("netduplex-http");
      Server jetty = new PlainErrorsServer(pool);
      HttpConfiguration http = new HttpConfiguration();
      http.setHeaderCacheSize(HEADER_CACHE_SIZE);
      http.setSendServerVersion(false); // no "Server: Jetty(12.x)" on every answer
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
