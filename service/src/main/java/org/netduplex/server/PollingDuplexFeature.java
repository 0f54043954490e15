package org.netduplex.server;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.feature.AbstractPortableFeature;
import org.apache.cxf.interceptor.InterceptorProvider;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.Destination;
import org.netduplex.msbin.MsbinLimits;
import org.netduplex.msbin.cxf.MsbinFeature;
import org.netduplex.server.internal.DuplexEngine;
import org.netduplex.core.internal.RefusalLog;
import org.netduplex.server.internal.front.PollFront;
import org.netduplex.server.internal.front.ServletFronts;
import org.netduplex.server.internal.jetty.JettyFronts;
import org.netduplex.server.internal.cxf.DuplexFaultListener;
import org.netduplex.server.internal.cxf.CallbackReplyInterceptor;
import org.netduplex.server.internal.cxf.DuplexInInterceptor;
import org.netduplex.server.internal.cxf.FaultActionInterceptor;
import org.netduplex.server.internal.cxf.FaultRelatesToInterceptor;
import org.netduplex.server.internal.cxf.OneWayOperationInterceptor;
import org.netduplex.server.internal.cxf.OneWayResponseInterceptor;
import org.netduplex.server.internal.cxf.OperationMatchInterceptor;
import org.netduplex.server.internal.cxf.ParkedRequests;
import org.netduplex.server.internal.cxf.PolledReplyInterceptor;
import org.netduplex.server.internal.cxf.RequestBodyInterceptor;
import org.netduplex.server.internal.cxf.ServicePageInterceptor;
import org.netduplex.server.internal.cxf.SessionReplyToInterceptor;
import org.netduplex.server.internal.cxf.TwoWayAcceptInterceptor;
import org.netduplex.server.internal.cxf.UnsupportedEncodingInterceptor;

/**
 * Makes a CXF JAX-WS endpoint a WCF polling duplex endpoint: it reads {@code netdx:Duplex} on every
 * call, answers one-way calls {@code 200} with an empty body, and serves {@code wsmc:MakeConnection}
 * polls from per-session queues without holding a thread per parked poll. One feature serves one
 * endpoint and owns its sessions; {@link #close()} it when the endpoint stops.
 *
 * <pre>{@code
 * PollingDuplexFeature duplex = new PollingDuplexFeature(DuplexServerConfig.builder().build());
 * JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
 * factory.setServiceBean(new StockServiceImpl());
 * factory.setAddress("http://localhost:10201/StockService");
 * factory.getFeatures().add(duplex);
 * Server server = factory.create();
 * }</pre>
 */
public final class PollingDuplexFeature implements AbstractPortableFeature, AutoCloseable {
  /** How long stopping waits for the answers to parked polls to go out before the transport closes. */
  static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);
  /** System property: {@code false} leaves polls to CXF's chain, to compare the two paths (docs/protocol.md section 17). */
  static final String POLL_FRONT_PROPERTY = "netduplex.pollFront";
  private static final Logger LOG = Logger.getLogger(PollingDuplexFeature.class.getName());

  private final DuplexEngine engine;
  private final ParkedRequests parked = new ParkedRequests();
  private final RefusalLog refusals = RefusalLog.standard();
  private final PollFront front;
  private final List<Runnable> frontRemovals = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** A feature with every {@link DuplexServerConfig} setting at its default. */
  public PollingDuplexFeature() {
    this(DuplexServerConfig.builder().build());
  }

  /**
   * A feature with the given settings; each endpoint needs a feature of its own.
   *
   * @param config the endpoint's settings
   */
  public PollingDuplexFeature(DuplexServerConfig config) {
    this.engine = new DuplexEngine(config);
    this.front = new PollFront(engine, parked, msbinLimits());
  }

  private MsbinLimits msbinLimits() {
    return MsbinLimits.DEFAULTS.withMaxTotalBytes(engine.config().maxRequestBytes());
  }

  @Override
  public void doInitializeProvider(InterceptorProvider provider, Bus bus) {
    // Bodies are read in full, without holding a thread, before anything parses them.
    provider.getInInterceptors().add(new RequestBodyInterceptor(engine.config().maxRequestBytes(),
        engine.config().requestBodyTimeout().toMillis()));
    provider.getInInterceptors().add(new UnsupportedEncodingInterceptor(refusals));
    provider.getInInterceptors().add(new ServicePageInterceptor());
    // .NET binary (application/soap+msbin1, Silverlight 3+'s default) on the same endpoint as text:
    // a binary request is read as binary and answered (faults too) in binary.
    new MsbinFeature(msbinLimits())
        .doInitializeProvider(provider, bus);
    provider.getInInterceptors().add(new CallbackReplyInterceptor(engine)); // answers to two-way callbacks
    provider.getInInterceptors().add(new DuplexInInterceptor(engine, parked));
    provider.getInInterceptors().add(new OperationMatchInterceptor());
    // WCF sends one-way calls, polls and closes without wsa:MessageID (docs/protocol.md section 6).
    provider.getInInterceptors().add(new OneWayOperationInterceptor());
    provider.getInInterceptors().add(new OneWayResponseInterceptor());
    provider.getInInterceptors().add(new SessionReplyToInterceptor());
    provider.getInInterceptors().add(new TwoWayAcceptInterceptor(engine));
    provider.getOutFaultInterceptors().add(new FaultActionInterceptor());
    provider.getOutFaultInterceptors().add(new FaultRelatesToInterceptor());
    // SOAP 1.2 + WS-Addressing: a request-reply operation's reply (or fault) goes out on a poll.
    PolledReplyInterceptor polledReplies = new PolledReplyInterceptor(engine);
    provider.getOutInterceptors().add(polledReplies);
    provider.getOutFaultInterceptors().add(polledReplies);
  }

  @Override
  public void initialize(Server server, Bus bus) {
    doInitializeProvider(server.getEndpoint(), bus);
    server.getEndpoint().put(FaultListener.class.getName(), new DuplexFaultListener(engine, refusals));
    // A one-way call that fails before it is answered (unreadable body) gets its fault, as WCF sends one.
    server.getEndpoint().put(Message.ROBUST_ONEWAY, Boolean.TRUE);
    // Server.stop()/destroy() and bus shutdown (a servlet's, in a container) run this while the
    // transport still serves, so the parked polls get their answers.
    server.getEndpoint().addCleanupHook(this::close);
    installFront(server);
  }

  /**
   * Polls are served before CXF's chain where the deployment lets us (docs/protocol.md section 17):
   * on CXF's embedded Jetty by a handler installed here; in a servlet container by
   * {@link PollFrontFilter}, which finds this endpoint by its address. Elsewhere the chain serves them.
   */
  private void installFront(Server server) {
    if (!Boolean.parseBoolean(System.getProperty(POLL_FRONT_PROPERTY, "true"))) {
      LOG.info(() -> POLL_FRONT_PROPERTY + "=false: polls go through CXF's chain");
      return;
    }
    Destination destination = server.getDestination();
    Runnable removal = null;
    if (isEmbeddedJetty(destination)) {
      removal = JettyFronts.install(destination, front);
    } else {
      String address = destination.getAddress().getAddress().getValue();
      if (address.startsWith("/")) {
        removal = ServletFronts.register(address, front);
      }
    }
    if (removal != null) {
      frontRemovals.add(removal);
    } else {
      LOG.fine(() -> "No poll front for " + destination.getAddress().getAddress().getValue()
          + ": polls go through CXF's chain");
    }
  }

  /** CXF's embedded Jetty destination, checked by name: its classes are absent in a servlet deployment. */
  private static boolean isEmbeddedJetty(Destination destination) {
    for (Class<?> c = destination.getClass(); c != null; c = c.getSuperclass()) {
      if (c.getName().equals("org.apache.cxf.transport.http_jetty.JettyHTTPDestination")) {
        return true;
      }
    }
    return false;
  }

  /** The poll front of this endpoint. */
  PollFront front() {
    return front;
  }

  @Override
  public void initialize(Client client, Bus bus) {
    throw new IllegalArgumentException("PollingDuplexFeature is for server endpoints; clients use PollingDuplexClient");
  }

  @Override
  public void initialize(Bus bus) {
    throw new IllegalArgumentException("PollingDuplexFeature applies to one endpoint, not to a whole Bus");
  }

  /**
   * The open sessions of this endpoint, in no particular order.
   *
   * @return a copy, taken now
   */
  public Collection<DuplexSession> sessions() {
    return List.copyOf(engine.openSessions());
  }

  /**
   * Sends to every open session; see {@link CallbackChannels#broadcast}.
   *
   * @param <T> the callback contract
   * @param callbackContract the generated callback interface
   * @param calls makes the calls to send on the proxy it is given
   * @return how many sessions received every message
   */
  public <T> int broadcast(Class<T> callbackContract, Consumer<? super T> calls) {
    return CallbackChannels.broadcast(engine.openSessions(), callbackContract, calls);
  }

  /**
   * The endpoint's groups: named sets of sessions to broadcast to, cluster-wide with a shared store.
   *
   * @return the groups
   */
  public DuplexGroups groups() {
    return engine.groups();
  }

  /**
   * The open session with this id, whichever node opened it (with a shared store, a handle that
   * works on any node).
   *
   * @param sessionId the {@code netdx:SessionId}
   * @return the session, or empty if it is unknown or ended
   */
  public java.util.Optional<DuplexSession> session(String sessionId) {
    return java.util.Optional.ofNullable(engine.find(sessionId));
  }

  /**
   * Runs {@code task} on one node of the cluster at a time: with a shared store, the node that holds
   * the lease named {@code name}, and another node after it dies or closes; with the in-memory store,
   * here and now. Closing the endpoint stops it.
   *
   * @param name the lease's name, the same on every node
   * @param task starts the work, and returns what stops it
   * @return what stops the task sooner (and gives up its lease)
   */
  public AutoCloseable runOnOneNode(String name, OneNodeTask task) {
    return engine.runOnOneNode(name, task);
  }

  /**
   * The endpoint's settings.
   *
   * @return the config, as given to the constructor
   */
  public DuplexServerConfig config() {
    return engine.config();
  }

  /**
   * Current counters: sessions, parked polls, messages.
   *
   * @return a snapshot, taken now
   */
  public DuplexMetrics metrics() {
    return engine.metrics();
  }

  /**
   * Ends every session ({@link SessionEndReason#SERVER_STOPPED}), answers each parked poll with an
   * empty {@code 200} (as a poll timeout would) and waits up to 5 s for those answers to be written,
   * then stops the timers. Stopping or destroying the endpoint's {@code Server}, or shutting down its
   * bus (as a servlet container does when it stops the CXF servlet), calls this before the
   * transport closes; calling it again is a no-op.
   */
  @Override
  public void close() {
    if (engine.isClosed()) {
      return;
    }
    parked.stopping();
    engine.close();
    frontRemovals.forEach(Runnable::run);
    int unanswered = parked.awaitCompleted(SHUTDOWN_GRACE);
    if (unanswered > 0) {
      LOG.warning(() -> unanswered + " parked poll(s) not answered within " + SHUTDOWN_GRACE.toSeconds()
          + " s of stopping; their clients will see the connection close");
    }
  }
}
