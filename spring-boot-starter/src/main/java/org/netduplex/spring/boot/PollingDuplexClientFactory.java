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

  public PollingDuplexClientFactory(URI url, DuplexClientConfig config) {
    this.url = Objects.requireNonNull(url, "netduplex.client.url");
    this.config = Objects.requireNonNull(config, "config");
  }

  /** A client of {@code service} whose callbacks go to {@code callbacks}. */
  public <S, C> PollingDuplexClient<S> build(Class<S> service, Class<C> callbackContract, C callbacks) {
    PollingDuplexClient<S> client = PollingDuplexClient.builder(url).config(config)
        .callback(callbackContract, callbacks).build(service);
    synchronized (built) {
      built.add(client);
    }
    return client;
  }

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
