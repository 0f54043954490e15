package org.netduplex.server;

import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.feature.AbstractPortableFeature;
import org.apache.cxf.interceptor.InterceptorProvider;
import org.apache.cxf.logging.FaultListener;
import org.netduplex.server.internal.DuplexEngine;
import org.netduplex.server.internal.cxf.DuplexInInterceptor;
import org.netduplex.server.internal.cxf.OneWayResponseInterceptor;
import org.netduplex.server.internal.cxf.RequestSizeInterceptor;

/**
 * Makes a CXF JAX-WS endpoint a WCF polling duplex endpoint: it reads {@code netdx:Duplex} on every
 * call, answers one-way calls {@code 200} with an empty body, and serves {@code wsmc:MakeConnection}
 * polls from per-session queues without holding a thread per parked poll. One feature serves one
 * endpoint and owns its sessions; {@link #close()} it when the endpoint stops.
 *
 * <pre>{@code
 * PollingDuplexFeature duplex = new PollingDuplexFeature(DuplexServerConfig.builder().build());
 * JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
 * factory.setServiceBean(new StockServiceImpl(duplex.callbacks()));
 * factory.setAddress("http://localhost:10201/StockService");
 * factory.getFeatures().add(duplex);
 * Server server = factory.create();
 * }</pre>
 */
public final class PollingDuplexFeature extends AbstractPortableFeature implements AutoCloseable {
  private final DuplexEngine engine;
  private final CallbackChannels callbacks;

  public PollingDuplexFeature() {
    this(DuplexServerConfig.builder().build());
  }

  public PollingDuplexFeature(DuplexServerConfig config) {
    this.engine = new DuplexEngine(config);
    this.callbacks = new CallbackChannels(engine);
  }

  @Override
  protected void initializeProvider(InterceptorProvider provider, Bus bus) {
    provider.getInInterceptors().add(new RequestSizeInterceptor(engine.config().maxRequestBytes()));
    provider.getInInterceptors().add(new DuplexInInterceptor(engine));
    provider.getInInterceptors().add(new OneWayResponseInterceptor());
  }

  @Override
  public void initialize(Server server, Bus bus) {
    super.initialize(server, bus);
    server.getEndpoint().put(FaultListener.class.getName(), new org.netduplex.server.internal.cxf.DuplexFaultListener());
  }

  public CallbackChannels callbacks() {
    return callbacks;
  }

  public DuplexServerConfig config() {
    return engine.config();
  }

  /** Current counters: sessions, parked polls, messages. */
  public DuplexMetrics metrics() {
    return engine.metrics();
  }

  /** Ends every session ({@link SessionEndReason#SERVER_STOPPED}) and stops the timers. Idempotent. */
  @Override
  public void close() {
    engine.close();
  }
}
