package org.netduplex.codegen.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jws.WebService;
import jakarta.xml.ws.AsyncHandler;
import jakarta.xml.ws.Response;
import jakarta.xml.ws.soap.SOAPBinding;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.netduplex.client.ClientListener;
import org.netduplex.client.ClientState;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.client.DuplexFaultException;
import org.netduplex.client.PollingDuplexClient;
import org.netduplex.client.ReplyTimeoutException;
import org.netduplex.client.WireFormat;
import org.netduplex.codegen.it.jobboard.async.ConfirmRead;
import org.netduplex.codegen.it.jobboard.async.ConfirmReadResponse;
import org.netduplex.codegen.it.jobboard.async.IJobBoardPostArgumentExceptionFaultFaultMessage;
import org.netduplex.codegen.it.jobboard.async.JobPosted;
import org.netduplex.codegen.it.jobboard.async.PostResponse;
import org.netduplex.codegen.it.vdiasync.IRDVServer;
import org.netduplex.codegen.it.vdiasync.IRDVServerCallback;
import org.netduplex.codegen.it.vdiasync.JobUpdated;
import org.netduplex.codegen.it.vdiasync.NameType;
import org.netduplex.codegen.it.vdiasync.PlaceVMResponse;
import org.netduplex.codegen.it.vdiasync.StartVMResponse;
import org.netduplex.server.CallbackChannels;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.PollingDuplexFeature;
import org.netduplex.jetty.PollingDuplexJetty;
import org.netduplex.testing.Eventually;
import org.netduplex.testing.FakeScheduler;

/**
 * The JAX-WS async variants the plugin generates with {@code <async>true</async>} (executions
 * {@code vdi-async} and {@code jobboard-async}), called through {@code PollingDuplexClient.service()}
 * against real CXF endpoints on loopback in SOAP 1.2 + WS-Addressing, text and binary, where each
 * reply comes on a poll. The servers implement the synchronous interfaces of the same WSDLs
 * (executions {@code vdi} and {@code jobboard}): what a team does with one contract on both sides.
 */
class GeneratedAsyncEndToEndTest {
  private static final long WAIT_S = 20;
  private static final int SERVER_THREADS = 64;

  /** Microsoft's VDI contract, served: StartVM sends JobUpdated before its reply; PlaceVM waits for the test. */
  @WebService(endpointInterface = "rdv.virtualization.microsoft.IRDVServer")
  public static class Broker implements rdv.virtualization.microsoft.IRDVServer {
    final AtomicInteger placements = new AtomicInteger();
    volatile CountDownLatch releasePlacements = new CountDownLatch(0);

    @Override
    public String startVM(String name, org.datacontract.schemas._2004._07.microsoft_virtualization.NameType type) {
      org.datacontract.schemas._2004._07.microsoft_virtualization.Job job = new org.datacontract.schemas._2004._07.microsoft_virtualization.Job();
      job.setID("job-" + name);
      rdv.virtualization.microsoft.JobUpdated update = new rdv.virtualization.microsoft.JobUpdated();
      update.setJob(job);
      CallbackChannels.currentSession().callback(rdv.virtualization.microsoft.IRDVServerCallback.class).jobUpdated(update);
      return "job-" + name;
    }

    @Override
    public org.datacontract.schemas._2004._07.microsoft_virtualization.VMResult getVM(String name, org.datacontract.schemas._2004._07.microsoft_virtualization.NameType type) {
      throw new IllegalArgumentException("no VM named " + name); // IRDVServer declares no faults
    }

    @Override
    public String placeVM(String name, org.datacontract.schemas._2004._07.microsoft_virtualization.NameType type) {
      placements.incrementAndGet();
      try {
        releasePlacements.await(WAIT_S, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "host-of-" + name;
    }

    @Override
    public String setLocale(String locale) {
      return locale;
    }
  }

  /** The job board of the singleWsdl test contract, whose Post declares a fault (PersonFault). */
  @WebService(endpointInterface = "org.netduplex.codegen.it.jobboard.IJobBoard")
  public static class Board implements org.netduplex.codegen.it.jobboard.IJobBoard {
    @Override
    public void watch(org.netduplex.codegen.it.jobboard.ArrayOfstring tags) {
    }

    @Override
    public String post(org.netduplex.codegen.it.jobboard.Job job)
        throws org.netduplex.codegen.it.jobboard.IJobBoardPostArgumentExceptionFaultFaultMessage {
      if (job.getOwner() == null) {
        org.netduplex.codegen.it.jobboard.Person nobody = new org.netduplex.codegen.it.jobboard.Person();
        nobody.setName("nobody");
        throw new org.netduplex.codegen.it.jobboard.IJobBoardPostArgumentExceptionFaultFaultMessage(
            "a job needs an owner", nobody);
      }
      return "posted " + job.getTitle();
    }
  }

  /** The client's callbacks: JobUpdated for the VDI, JobPosted and ConfirmRead for the board; dropped replies. */
  static final class Callbacks implements IRDVServerCallback, org.netduplex.codegen.it.jobboard.async.IJobBoardCallback,
      ClientListener {
    final BlockingQueue<String> jobs = new LinkedBlockingQueue<>();
    final AtomicInteger droppedReplies = new AtomicInteger();

    @Override
    public void jobUpdated(JobUpdated parameters) {
      jobs.add(parameters.getJob().getID());
    }

    @Override
    public void jobPosted(JobPosted parameters) {
    }

    @Override
    public ConfirmReadResponse confirmRead(ConfirmRead parameters) {
      return new ConfirmReadResponse();
    }

    @Override
    public void replyDropped(String relatesTo) {
      droppedReplies.incrementAndGet();
    }
  }

  private final Callbacks callbacks = new Callbacks();
  private final Broker broker = new Broker();
  private final List<AutoCloseable> cleanup = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (int i = cleanup.size() - 1; i >= 0; i--) {
      cleanup.get(i).close();
    }
  }

  /** Publishes service on a free loopback port in SOAP 1.2 + WS-Addressing with PollingDuplexFeature. */
  private URI publish(Object service, String path) throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    URI address = URI.create("http://127.0.0.1:" + port + path);
    Bus bus = BusFactory.newInstance().createBus();
    PollingDuplexJetty.preparePort(bus, "127.0.0.1", port, SERVER_THREADS);
    PollingDuplexFeature feature = new PollingDuplexFeature(
        DuplexServerConfig.builder().pollTimeout(Duration.ofMillis(500)).build());
    JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
    factory.setBus(bus);
    factory.setServiceBean(service);
    factory.setAddress(address.toString());
    factory.setBindingId(SOAPBinding.SOAP12HTTP_BINDING);
    factory.getFeatures().add(new WSAddressingFeature());
    factory.getFeatures().add(feature);
    Server server = factory.create();
    cleanup.add(() -> bus.shutdown(true));
    cleanup.add(feature::close);
    cleanup.add(server::destroy);
    return address;
  }

  private <T> PollingDuplexClient<T> connect(URI address, Class<T> service, Class<? super Callbacks> callback,
      WireFormat format, DuplexClientConfig.Builder config) {
    @SuppressWarnings("unchecked")
    Class<Object> callbackType = (Class<Object>) callback;
    PollingDuplexClient<T> client = PollingDuplexClient.builder(address)
        .callback(callbackType, callbacks)
        .listener(callbacks)
        .callbackExecutor(Runnable::run) // a callback that came on an earlier poll is seen before the reply
        .config(config.wireFormat(format).serverPollTimeout(Duration.ofMillis(500)).build())
        .build(service);
    cleanup.add(client);
    return client;
  }

  private IRDVServer vdi(WireFormat format, DuplexClientConfig.Builder config) throws IOException {
    return connect(publish(broker, "/RDVServer"), IRDVServer.class, IRDVServerCallback.class, format, config).service();
  }

  @ParameterizedTest
  @EnumSource(value = WireFormat.class, names = {"SOAP12_TEXT", "SOAP12_BINARY"})
  void theResponseResolvesWithThePolledReplyAfterTheCallbackTheCallSent(WireFormat format) throws Exception {
    IRDVServer vdi = vdi(format, DuplexClientConfig.builder());

    Response<StartVMResponse> response = vdi.startVMAsync("pool-1", NameType.VM_NAME);

    assertEquals("job-pool-1", response.get(WAIT_S, TimeUnit.SECONDS).getStartVMResult());
    assertTrue(response.isDone());
    assertEquals("job-pool-1", callbacks.jobs.poll(), "JobUpdated, queued before the reply, arrived before it");
  }

  @ParameterizedTest
  @EnumSource(value = WireFormat.class, names = {"SOAP12_TEXT", "SOAP12_BINARY"})
  void theAsyncHandlerIsCalledWithTheReplyAndItsFutureCompletes(WireFormat format) throws Exception {
    IRDVServer vdi = vdi(format, DuplexClientConfig.builder());
    BlockingQueue<Response<StartVMResponse>> handled = new LinkedBlockingQueue<>();
    AsyncHandler<StartVMResponse> handler = handled::add;

    Future<?> future = vdi.startVMAsync("pool-2", NameType.VM_NAME, handler);

    Response<StartVMResponse> response = handled.poll(WAIT_S, TimeUnit.SECONDS);
    assertNotNull(response, "the AsyncHandler was not called");
    assertEquals("job-pool-2", response.get().getStartVMResult());
    future.get(WAIT_S, TimeUnit.SECONDS);
    assertTrue(future.isDone());
  }

  @ParameterizedTest
  @EnumSource(value = WireFormat.class, names = {"SOAP12_TEXT", "SOAP12_BINARY"})
  void aDeclaredFaultArrivesAsExecutionExceptionCausedByTheDeclaredException(WireFormat format) throws Exception {
    URI address = publish(new Board(), "/JobBoard");
    PollingDuplexClient<org.netduplex.codegen.it.jobboard.async.IJobBoard> client = connect(address,
        org.netduplex.codegen.it.jobboard.async.IJobBoard.class,
        org.netduplex.codegen.it.jobboard.async.IJobBoardCallback.class, format, DuplexClientConfig.builder());
    org.netduplex.codegen.it.jobboard.async.Job ownerless = new org.netduplex.codegen.it.jobboard.async.Job();
    ownerless.setTitle("night shift");

    Response<PostResponse> refused = client.service().postAsync(ownerless);

    ExecutionException failed = assertThrows(ExecutionException.class, () -> refused.get(WAIT_S, TimeUnit.SECONDS));
    IJobBoardPostArgumentExceptionFaultFaultMessage fault =
        assertInstanceOf(IJobBoardPostArgumentExceptionFaultFaultMessage.class, failed.getCause(), () -> String.valueOf(failed.getCause()));
    assertEquals("a job needs an owner", fault.getMessage());
    assertEquals("nobody", fault.getFaultInfo().getName());

    org.netduplex.codegen.it.jobboard.async.Person owner = new org.netduplex.codegen.it.jobboard.async.Person();
    owner.setName("ana");
    ownerless.setOwner(owner);
    assertEquals("posted night shift", client.service().postAsync(ownerless).get(WAIT_S, TimeUnit.SECONDS).getPostResult());
    assertEquals(ClientState.OPEN, client.state());
  }

  @ParameterizedTest
  @EnumSource(value = WireFormat.class, names = {"SOAP12_TEXT", "SOAP12_BINARY"})
  void anUndeclaredFaultArrivesAsExecutionExceptionCausedByDuplexFaultException(WireFormat format) throws Exception {
    IRDVServer vdi = vdi(format, DuplexClientConfig.builder());

    ExecutionException failed = assertThrows(ExecutionException.class,
        () -> vdi.getVMAsync("no-such-vm", NameType.VM_NAME).get(WAIT_S, TimeUnit.SECONDS));

    DuplexFaultException fault = assertInstanceOf(DuplexFaultException.class, failed.getCause());
    assertTrue(fault.getMessage().startsWith("no VM named no-such-vm"), fault.getMessage());
  }

  @ParameterizedTest
  @EnumSource(value = WireFormat.class, names = {"SOAP12_TEXT", "SOAP12_BINARY"})
  void aReplyTimeoutFailsTheResponseCleanlyTheLateReplyIsDroppedAndTheNextCallWorks(WireFormat format) throws Exception {
    FakeScheduler clock = new FakeScheduler();
    IRDVServer vdi = vdi(format, DuplexClientConfig.builder().scheduler(clock).replyTimeout(Duration.ofMillis(200)));
    assertEquals("en-US", vdi.setLocaleAsync("en-US").get(WAIT_S, TimeUnit.SECONDS).getSetLocaleResult());
    broker.releasePlacements = new CountDownLatch(1);

    Response<PlaceVMResponse> placement = vdi.placeVMAsync("pool-3", NameType.VM_NAME);
    Eventually.await("PlaceVM reached the service", () -> broker.placements.get() == 1);
    clock.advanceBy(Duration.ofMillis(200));

    ExecutionException failed = assertThrows(ExecutionException.class, () -> placement.get(WAIT_S, TimeUnit.SECONDS));
    ReplyTimeoutException timeout = assertInstanceOf(ReplyTimeoutException.class, failed.getCause());
    assertEquals("PlaceVM", timeout.operation());
    broker.releasePlacements.countDown();
    Eventually.await("the late PlaceVM reply is dropped", () -> callbacks.droppedReplies.get() == 1);
    assertEquals("fr-FR", vdi.setLocaleAsync("fr-FR").get(WAIT_S, TimeUnit.SECONDS).getSetLocaleResult());
  }

  /**
   * Many calls wait for their replies at once, and the client holds no thread for any of them: the
   * JVM's threads outside the server's pool do not grow with the calls, and their handlers all run
   * on one callback thread.
   */
  @ParameterizedTest
  @EnumSource(value = WireFormat.class, names = {"SOAP12_TEXT", "SOAP12_BINARY"})
  void manyWaitingCallsHoldNoClientThread(WireFormat format) throws Exception {
    int calls = 40;
    IRDVServer vdi = vdi(format, DuplexClientConfig.builder());
    assertEquals("en-US", vdi.setLocale("en-US")); // the session is open and polling; the client's threads exist
    List<String> namesBefore = clientThreadNames();
    int clientThreadsBefore = namesBefore.size();
    broker.releasePlacements = new CountDownLatch(1);
    ExecutorService oneThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-handler"));
    cleanup.add(oneThread::shutdownNow);
    BlockingQueue<String> hosts = new LinkedBlockingQueue<>();
    BlockingQueue<Thread> handlerThreads = new LinkedBlockingQueue<>();
    CountDownLatch sent = new CountDownLatch(calls);
    for (int i = 0; i < calls; i++) {
      String name = "vm-" + i;
      oneThread.execute(() -> {
        vdi.placeVMAsync(name, NameType.VM_NAME, r -> {
          handlerThreads.add(Thread.currentThread());
          try {
            hosts.add(r.get().getPlaceVMResult());
          } catch (InterruptedException | ExecutionException e) {
            hosts.add("failed: " + e);
          }
        });
        sent.countDown();
      });
    }
    assertTrue(sent.await(WAIT_S, TimeUnit.SECONDS), "every async call returned at once");
    // The server holds the first (it runs a session's calls in order): all wait for their replies now.
    Eventually.await("PlaceVM reached the service", () -> broker.placements.get() >= 1);

    List<String> namesWaiting = clientThreadNames();
    int clientThreadsWaiting = namesWaiting.size();
    List<String> waitingForAReply = threadsIn("org.apache.cxf.endpoint.ClientImpl.waitResponse");
    broker.releasePlacements.countDown();
    List<String> results = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      results.add(hosts.poll(WAIT_S, TimeUnit.SECONDS));
    }

    // CXF's work queue and the JDK HTTP client's workers sent the POSTs (pools, idle again now); a
    // thread per waiting call would add one per call, and a blocking wait sits in CXF's waitResponse.
    assertTrue(clientThreadsWaiting - clientThreadsBefore < calls, "client threads grew from " + clientThreadsBefore
        + " to " + clientThreadsWaiting + " while " + calls + " calls waited: " + namesBefore + " -> " + namesWaiting);
    assertEquals(List.of(), waitingForAReply, "threads blocked in a reply wait while the calls waited");
    assertEquals(calls, results.stream().filter(h -> h != null && h.startsWith("host-of-vm-")).count(), results.toString());
    assertEquals(calls, handlerThreads.size(), "every AsyncHandler ran");
  }

  /** Threads whose stack is in method (class.method) now. */
  private static List<String> threadsIn(String method) {
    return Thread.getAllStackTraces().entrySet().stream()
        .filter(e -> java.util.Arrays.stream(e.getValue()).anyMatch(f -> (f.getClassName() + "." + f.getMethodName()).equals(method)))
        .map(e -> e.getKey().getName()).toList();
  }

  /** Live threads outside the servers' request pools (named netduplex-http). */
  private static List<String> clientThreadNames() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive).map(Thread::getName).filter(n -> !n.startsWith("netduplex-http")).sorted().toList();
  }
}
