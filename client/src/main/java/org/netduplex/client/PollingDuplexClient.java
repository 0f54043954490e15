package org.netduplex.client;

import jakarta.xml.ws.soap.SOAPBinding;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.MessageObserver;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.apache.cxf.ws.addressing.soap.MAPCodec;
import org.netduplex.client.internal.AcknowledgedCallInterceptor;
import org.netduplex.client.internal.CallbackDispatcher;
import org.netduplex.client.internal.CallbackReplier;
import org.netduplex.client.internal.ClientRuntime;
import org.netduplex.client.internal.DuplexHeaderOutInterceptor;
import org.netduplex.client.internal.Lifecycle;
import org.netduplex.client.internal.PollLoop;
import org.netduplex.client.internal.ReplyCorrelator;
import org.netduplex.client.internal.ReplyRegistrationInterceptor;
import org.netduplex.client.internal.SerialExecutor;
import org.netduplex.client.internal.ServiceCallHandler;
import org.netduplex.client.internal.SessionCloser;
import org.netduplex.client.internal.WireMessages;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.Scheduler;
import org.netduplex.msbin.cxf.MsbinFeature;

/**
 * A polling duplex client: the Java counterpart of Silverlight's {@code PollingDuplexHttpBinding}.
 * Calls go through {@link #service()}, a proxy of the generated service interface that puts this
 * client's {@code netdx:Duplex} header on each call. After the first call the client polls the
 * server with {@code wsmc:MakeConnection} and hands each callback message, in arrival order, to
 * the implementation of the generated callback interface.
 *
 * <pre>{@code
 * try (PollingDuplexClient<IStockService> client = PollingDuplexClient.builder(endpoint)
 *     .callback(IStockServiceCallback.class, quote -> System.out.println(quote.getSymbol()))
 *     .build(IStockService.class)) {
 *   client.service().register();
 * }
 * }</pre>
 *
 * <p>Clients of one JVM share a few threads (one HTTP selector, two I/O threads, a small callback
 * pool, one timer), so a process can run thousands. Thread-safe.
 *
 * @param <S> the generated service interface
 */
public final class PollingDuplexClient<S> implements AutoCloseable {
  private final URI endpoint;
  private final DuplexClientConfig config;
  private final DuplexHeader identity;
  private final S service;
  private final Lifecycle lifecycle;
  private final PollLoop pollLoop;
  private final ReplyCorrelator replies;
  private final Client cxfClient;
  private final ClientRuntime runtime;
  private final SessionCloser closer;
  private final AtomicBoolean closed = new AtomicBoolean();

  private PollingDuplexClient(Builder b, Class<S> serviceContract) {
    this.endpoint = b.endpoint;
    this.runtime = ClientRuntime.acquire();
    try {
      DuplexClientConfig config = b.config;
      this.config = config;
      Scheduler scheduler = config.scheduler() != null ? config.scheduler() : runtime.scheduler();
      this.identity = b.identity != null ? b.identity : DuplexHeader.newIdentity(config.anonymousUriPrefix());
      this.lifecycle = new Lifecycle(b.listener);
      Executor callbacks = new SerialExecutor(b.callbackExecutor != null ? b.callbackExecutor : runtime.callbacks());
      HttpClient http = b.httpClient != null ? b.httpClient : runtime.http();
      WireMessages wire = new WireMessages(config.wireFormat(), endpoint, config.maxResponseBytes());
      this.closer = new SessionCloser(endpoint, identity, wire, http, config.closeTimeout());
      this.replies = new ReplyCorrelator(scheduler, config.replyTimeout(), runtime.callbacks(), lifecycle);
      this.pollLoop = new PollLoop(endpoint, identity, config, wire, http, runtime.io(), scheduler, lifecycle,
          CallbackDispatcher.of(b.callbackContract), callbacks, b.callbackImplementation,
          new CallbackReplier(endpoint, identity, config.wireFormat(), http, config.pollHttpTimeout(),
              b.callbackContract), replies);

      JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
      factory.setBus(b.bus != null ? b.bus : BusFactory.getDefaultBus());
      factory.setServiceClass(serviceContract);
      factory.setAddress(endpoint.toString());
      factory.getOutInterceptors().add(new DuplexHeaderOutInterceptor(identity));
      factory.getOutInterceptors().add(new ReplyRegistrationInterceptor(replies));
      factory.getInInterceptors().add(new AcknowledgedCallInterceptor(replies, pollLoop::callSucceeded));
      if (config.wireFormat().isSoap12()) {
        factory.setBindingId(SOAPBinding.SOAP12HTTP_BINDING);
        factory.getFeatures().add(new WSAddressingFeature());
      }
      if (config.wireFormat() == WireFormat.SOAP12_BINARY) {
        factory.getFeatures().add(MsbinFeature.binaryRequests());
      }
      S cxfProxy = factory.create(serviceContract);
      this.cxfClient = ClientProxy.getClient(cxfProxy);
      replies.attach((MessageObserver) cxfClient, MAPCodec.getInstance(factory.getBus()).getUncorrelatedExchanges());
      // Read the answer of one-way calls too: a refusal (ndf:ServerTooBusy, ndf:SessionEnded) comes
      // back as a SOAP fault with HTTP 500 and must surface as that fault, not as "HTTP 500".
      cxfClient.getEndpoint().put(Message.ROBUST_ONEWAY, Boolean.TRUE);
      this.service = serviceContract.cast(Proxy.newProxyInstance(serviceContract.getClassLoader(),
          new Class<?>[] {serviceContract},
          new ServiceCallHandler(cxfProxy, lifecycle, pollLoop, "PollingDuplexClient proxy of " + endpoint)));
    } catch (RuntimeException | Error e) {
      ClientRuntime.release(runtime);
      throw e;
    }
  }

  /**
   * Starts building a client of the service at {@code endpoint}.
   *
   * @param endpoint the service's {@code http} or {@code https} address
   * @return a builder with the default config
   * @throws IllegalArgumentException if the URI is not {@code http} or {@code https}
   */
  public static Builder builder(URI endpoint) {
    return new Builder(endpoint);
  }

  /**
   * The service proxy: each call carries this client's {@code netdx:Duplex} header.
   *
   * @return the proxy; thread-safe, as CXF's proxies
   */
  public S service() {
    return service;
  }

  /**
   * Where the client is in its lifecycle; {@link ClientListener#stateChanged} reports each move.
   *
   * @return the state now; it may change at once
   */
  public ClientState state() {
    return lifecycle.state();
  }

  /**
   * This client's anonymous address and session id, as its {@code netdx:Duplex} header names them.
   *
   * @return the identity, fixed for the client's life
   */
  public DuplexHeader identity() {
    return identity;
  }

  /**
   * The service's address.
   *
   * @return the address, as given to {@link #builder(URI)}
   */
  public URI endpoint() {
    return endpoint;
  }

  /**
   * Replies to request-reply calls that came on a poll after their call had timed out (or naming no
   * call of this client), and were dropped; each is also told to {@link ClientListener#replyDropped}.
   *
   * @return the count since the client was built
   */
  public long droppedReplies() {
    return replies.droppedReplies();
  }

  /**
   * Ends the session and stops polling, then releases the client's share of the runtime threads;
   * the last client to close stops them. Idempotent. Unless
   * {@link DuplexClientConfig#closeSessionOnClose()} is off, the server is first told with
   * {@code netdx:CloseSession} (waiting at most {@link DuplexClientConfig#closeTimeout()}, errors
   * ignored); otherwise it ends the session after its inactivity timeout. The poll in flight is then
   * aborted; an answer still on its way is not delivered, and a request-reply call still waiting for
   * its reply fails at once. Callbacks already handed to a
   * user-supplied callback executor still run; on the shared pool, the last client's close stops
   * the pool and callbacks not yet started are dropped. The JDK HTTP client's selector thread ends
   * once that client is no longer referenced.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    ClientState before = lifecycle.state();
    lifecycle.moveTo(ClientState.CLOSED, null);
    // Only a session the server knows (a call went through) and that did not fault is worth closing.
    if (config.closeSessionOnClose() && pollLoop.started() && before != ClientState.FAULTED) {
      closer.closeSession(pollLoop.ackHeader());
    }
    try {
      pollLoop.stop();
      replies.closeAll();
      cxfClient.destroy();
    } finally {
      ClientRuntime.release(runtime);
    }
  }

  @Override
  public String toString() {
    return "PollingDuplexClient{" + endpoint + ", " + lifecycle.state() + "}";
  }

  /** Builds a {@link PollingDuplexClient}. A callback contract and implementation are required. */
  public static final class Builder {
    private final URI endpoint;
    private DuplexClientConfig config = DuplexClientConfig.builder().build();
    private Class<?> callbackContract;
    private Object callbackImplementation;
    private ClientListener listener = new ClientListener() {};
    private Executor callbackExecutor;
    private HttpClient httpClient;
    private Bus bus;
    private DuplexHeader identity;

    private Builder(URI endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      if (!"http".equalsIgnoreCase(endpoint.getScheme()) && !"https".equalsIgnoreCase(endpoint.getScheme())) {
        throw new IllegalArgumentException("endpoint must be an http(s) URI: " + endpoint);
      }
    }

    /**
     * The generated callback interface and the implementation that receives its messages.
     *
     * @param <C> the callback contract
     * @param contract the generated callback interface
     * @param implementation receives the server's callbacks; see {@link #callbackExecutor} for its threads
     * @return this builder
     */
    public <C> Builder callback(Class<C> contract, C implementation) {
      this.callbackContract = Objects.requireNonNull(contract, "contract");
      this.callbackImplementation = Objects.requireNonNull(implementation, "implementation");
      return this;
    }

    /**
     * The client's settings (default: every {@link DuplexClientConfig} default).
     *
     * @param config not null
     * @return this builder
     */
    public Builder config(DuplexClientConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * Told of state changes, rejected messages and failing callbacks.
     *
     * @param listener not null; its methods must not block
     * @return this builder
     */
    public Builder listener(ClientListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Where callbacks run (default: a small pool shared by all clients). Callbacks of one client run
     * one at a time, in arrival order, whatever the executor.
     *
     * @param executor not null; the client does not shut it down
     * @return this builder
     */
    public Builder callbackExecutor(Executor executor) {
      this.callbackExecutor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * The HTTP client for polls (default: one shared by all clients, HTTP/1.1).
     *
     * @param httpClient not null; the client does not close it
     * @return this builder
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * The CXF bus for service calls (default: CXF's default bus).
     *
     * @param bus not null; the client does not shut it down
     * @return this builder
     */
    public Builder bus(Bus bus) {
      this.bus = Objects.requireNonNull(bus, "bus");
      return this;
    }

    /**
     * The session identity to use instead of a fresh one (a new anonymous address and session id
     * made with {@link DuplexClientConfig#anonymousUriPrefix()}): for replaying recorded traffic, or
     * for a second session behind one address. Never reuse the identity of a live client.
     *
     * @param identity not null
     * @return this builder
     */
    public Builder identity(DuplexHeader identity) {
      this.identity = Objects.requireNonNull(identity, "identity");
      return this;
    }

    /**
     * Builds the client for the generated service interface; nothing is sent until the first call.
     *
     * @param <S> the service contract
     * @param serviceContract the generated service interface
     * @return the client; {@link PollingDuplexClient#close()} it when done
     * @throws IllegalStateException if no callback was set
     */
    public <S> PollingDuplexClient<S> build(Class<S> serviceContract) {
      Objects.requireNonNull(serviceContract, "serviceContract");
      if (callbackContract == null) {
        throw new IllegalStateException("callback(contract, implementation) is required");
      }
      return new PollingDuplexClient<>(this, serviceContract);
    }
  }
}
