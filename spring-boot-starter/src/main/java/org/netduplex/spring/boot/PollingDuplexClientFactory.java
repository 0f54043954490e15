package org.netduplex.spring.boot;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.client.PollingDuplexClient;

/**
 * Builds {@link PollingDuplexClient}s of the service at {@code netduplex.client.url} with the
 * {@code netduplex.client.*} settings; the clients it built are closed with the application context.
 * A client needs its contracts, which properties cannot name, so it is built in code:
 *
 * <pre>{@code
 * @Bean
 * PollingDuplexClient<IStockService> stockClient(PollingDuplexClientFactory clients, QuotePrinter printer) {
 *   return clients.build(IStockService.class, IStockServiceCallback.class, printer);
 * }
 * }</pre>
 */
public final class PollingDuplexClientFactory implements AutoCloseable {
  private final URI url;
  private final DuplexClientConfig config;
  private final List<PollingDuplexClient<?>> built = new ArrayList<>();

  /**
   * A factory of clients of the service at {@code url}.
   *
   * @param url the service's address, {@code netduplex.client.url}
   * @param config the settings of every client built
   */
  public PollingDuplexClientFactory(URI url, DuplexClientConfig config) {
    this.url = Objects.requireNonNull(url, "netduplex.client.url");
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * A client of {@code service} whose callbacks go to {@code callbacks}.
   *
   * @param <S> the service contract
   * @param <C> the callback contract
   * @param service the generated service interface
   * @param callbackContract the generated callback interface
   * @param callbacks receives the server's callbacks
   * @return the client, closed with the factory
   */
  public <S, C> PollingDuplexClient<S> build(Class<S> service, Class<C> callbackContract, C callbacks) {
    PollingDuplexClient<S> client = PollingDuplexClient.builder(url).config(config)
        .callback(callbackContract, callbacks).build(service);
    synchronized (built) {
      built.add(client);
    }
    return client;
  }

  /**
   * The settings of every client this factory builds.
   *
   * @return the config
   */
  public DuplexClientConfig config() {
    return config;
  }

  /** Closes every client it built (each tells its server with netdx:CloseSession). */
  @Override
  public void close() {
    List<PollingDuplexClient<?>> clients;
    synchronized (built) {
      clients = List.copyOf(built);
      built.clear();
    }
    clients.forEach(PollingDuplexClient::close);
  }
}
