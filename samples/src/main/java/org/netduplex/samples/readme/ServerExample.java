package org.netduplex.samples.readme;

import java.time.Duration;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.PollingDuplexFeature;

/** The server set-up of the README (kept compiling here; the README quotes it verbatim). */
public final class ServerExample {
  private ServerExample() {}

  /** A started example server. */
  public record Started(Server server, PollingDuplexFeature duplex) implements AutoCloseable {
    @Override
    public void close() {
      server.destroy();
      duplex.close();
    }
  }

  /** Starts {@link QuoteService} on {@code address}. */
  public static Started start(String address) {
    // README:server-begin
    QuoteService service = new QuoteService();
    PollingDuplexFeature duplex = new PollingDuplexFeature(DuplexServerConfig.builder()
        .pollTimeout(Duration.ofSeconds(15))         // an idle poll is answered 200-empty after this
        .inactivityTimeout(Duration.ofMinutes(10))   // a silent session ends after this
        .maxPendingMessagesPerSession(1_000)
        .listener(service)
        .build());

    JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
    factory.setServiceBean(service);
    factory.setAddress(address);                     // e.g. http://localhost:10201/StockService
    factory.getFeatures().add(duplex);
    Server server = factory.create();
    // ... later: server.destroy();                // closes duplex too: parked polls answered, sessions ended
    // README:server-end
    return new Started(server, duplex);
  }
}
