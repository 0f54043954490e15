package org.netduplex.samples.readme;

import java.time.Duration;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.PollingDuplexFeature;

/** The server set-up of the README (kept compiling here; the README quotes it verbatim). */
public final class ServerExample {
  private ServerExample() {}

  /** A started example server: its endpoints, its service and the feature they share. */
  public record Started(List<Server> servers, QuoteService service, PollingDuplexFeature duplex)
      implements AutoCloseable {
    @Override
    public void close() {
      servers.forEach(Server::destroy);
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
    return new Started(List.of(server), service, duplex);
  }

  /**
   * Starts {@link QuoteService} on {@code address} as {@link #start} does, and on
   * {@code address-soap12} in SOAP 1.2 for Silverlight 3+.
   */
  public static Started startBothProfiles(String address) {
    Started soap11 = start(address);
    QuoteService service = soap11.service();
    PollingDuplexFeature duplex = soap11.duplex();
    // README:soap12-begin
    JaxWsServerFactoryBean soap12 = new JaxWsServerFactoryBean();
    soap12.setServiceBean(service);                  // the same service...
    soap12.setAddress(address + "-soap12");          // next to the SOAP 1.1 address, not under it
    soap12.setEndpointName(new QName("Silverlight", "CustomBinding_IStockService")); // the WSDL's SOAP 1.2 port
    soap12.getFeatures().add(new WSAddressingFeature());
    soap12.getFeatures().add(duplex);                // ...and the same feature: one set of sessions
    Server server12 = soap12.create();
    // README:soap12-end
    return new Started(List.of(soap11.servers().get(0), server12), service, duplex);
  }
}
