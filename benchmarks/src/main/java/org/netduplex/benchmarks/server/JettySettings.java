package org.netduplex.benchmarks.server;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.netduplex.jetty.PollingDuplexJetty;

/**
 * The Jetty settings of all three servers: {@link PollingDuplexJetty#preparePort}'s (32 request threads,
 * one acceptor, one selector, accept queue 4,096, no header cache, idle timeout 200 s), copied to the
 * two peers so that the comparison is of the frameworks, not of Jetty defaults.
 */
final class JettySettings {
  static final int REQUEST_THREADS = 32;
  static final long IDLE_TIMEOUT_MILLIS = 200_000;
  /** How long a poll with nothing to deliver is held, on every server: longer than any measure. */
  static final long POLL_HOLD_MILLIS = 180_000;

  private JettySettings() {}

  static Server server(String threadName) {
    QueuedThreadPool pool = new QueuedThreadPool(REQUEST_THREADS, Math.min(8, REQUEST_THREADS));
    pool.setName(threadName);
    return new Server(pool);
  }

  static ServerConnector connector(Server jetty, String host, int port) {
    HttpConfiguration http = new HttpConfiguration();
    http.setHeaderCacheSize(PollingDuplexJetty.HEADER_CACHE_SIZE);
    ServerConnector connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    connector.setAcceptQueueSize(PollingDuplexJetty.DEFAULT_ACCEPT_QUEUE);
    connector.setReuseAddress(true);
    connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
    jetty.addConnector(connector);
    return connector;
  }
}
