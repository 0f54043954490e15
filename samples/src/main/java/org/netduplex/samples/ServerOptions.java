package org.netduplex.samples;

import org.netduplex.server.DuplexServerConfig;

/**
 * The settings every sample server has: where it listens, how many request threads its Jetty has,
 * and its endpoint's settings. A server's own {@code Options} add what only it has.
 *
 * @param <O> the server's own options, which each setter returns
 */
public abstract class ServerOptions<O extends ServerOptions<O>> {
  private String host = "localhost";
  private int port;
  private int maxThreads = 32;
  private DuplexServerConfig config = DuplexServerConfig.builder().build();

  protected ServerOptions(int defaultPort) {
    this.port = defaultPort;
  }

  /** This, as the server's own options. */
  protected abstract O self();

  public O host(String host) {
    this.host = host;
    return self();
  }

  public O port(int port) {
    this.port = port;
    return self();
  }

  /** Request threads of the embedded Jetty; parked polls hold none. Default 32. */
  public O maxThreads(int maxThreads) {
    this.maxThreads = maxThreads;
    return self();
  }

  /** The endpoint's settings. */
  public O config(DuplexServerConfig config) {
    this.config = config;
    return self();
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public int maxThreads() {
    return maxThreads;
  }

  public DuplexServerConfig config() {
    return config;
  }
}
