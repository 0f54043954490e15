package org.netduplex.samples.readme;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.netduplex.client.ClientListener;
import org.netduplex.client.ClientState;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.client.PollingDuplexClient;
import org.netduplex.stock.IStockService;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.stock.Stock;

/** The client example of the README (kept compiling here; the README quotes it verbatim). */
public final class ClientExample {
  private ClientExample() {}

  /** Registers with the StockService at {@code endpoint} and returns the first quote it pushes. */
  public static Stock firstQuote(URI endpoint) throws InterruptedException {
    // README:client-begin
    BlockingQueue<Stock> quotes = new LinkedBlockingQueue<>();
    IStockServiceCallback onQuote = quotes::add;          // your implementation of the generated callback interface

    try (PollingDuplexClient<IStockService> client = PollingDuplexClient.builder(endpoint)
        .callback(IStockServiceCallback.class, onQuote)
        .config(DuplexClientConfig.builder()
            .serverPollTimeout(Duration.ofSeconds(15))   // how long the server holds an idle poll
            .inactivityTimeout(Duration.ofMinutes(10))   // give up after this long without an answer
            .build())
        .listener(new ClientListener() {
          @Override
          public void stateChanged(ClientState from, ClientState to, Throwable cause) {
            System.out.println("client " + to + (cause == null ? "" : ": " + cause.getMessage()));
          }
        })
        .build(IStockService.class)) {
      client.service().register();                        // opens the session; polling starts
      Stock first = quotes.poll(10, TimeUnit.SECONDS);    // callbacks run on a client thread, in order
      System.out.println(first.getSymbol() + " " + first.getAsk());
      return first;
    }                                                     // close(): stops polling, frees the threads
    // README:client-end
  }
}
