package org.netduplex.samples.readme;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.netduplex.redis.RedisDuplexStore;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.PollingDuplexFeature;
import org.netduplex.stock.Stock;

/** One node of the README's cluster section (kept compiling here; the README quotes it verbatim). */
public final class ClusterExample {
  private ClusterExample() {}

  /** A started node: its endpoint, the feature, and the ticker's handle. */
  public record Node(Server server, PollingDuplexFeature duplex, AutoCloseable ticker) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      ticker.close();
      server.destroy();
    }
  }

  /** Starts node {@code nodeId} of the quote service at {@code address}, ticking {@code quotes} once a second on one node. */
  public static Node start(String redisUri, String nodeId, String address, Supplier<Stock> quotes) {
    // README:cluster-node-begin
    PollingDuplexFeature duplex = new PollingDuplexFeature(DuplexServerConfig.builder()
        .store(RedisDuplexStore.builder(redisUri)    // e.g. redis://localhost:6379
            .nodeId(nodeId)                          // unique per node
            .keyPrefix("quotes")                     // one per endpoint sharing the Redis
            .build())
        .build());
    ClusterQuoteService service = new ClusterQuoteService(duplex.groups());

    JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
    factory.setServiceBean(service);
    factory.setAddress(address);
    factory.getFeatures().add(duplex);
    Server server = factory.create();

    AutoCloseable ticker = duplex.runOnOneNode("ticker", () -> { // on one node of the cluster at a time
      ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
      timer.scheduleAtFixedRate(() -> service.sync(quotes.get()), 1, 1, TimeUnit.SECONDS);
      return timer::shutdownNow;                     // if this node loses the lease, or closes
    });
    // README:cluster-node-end
    return new Node(server, duplex, ticker);
  }
}
