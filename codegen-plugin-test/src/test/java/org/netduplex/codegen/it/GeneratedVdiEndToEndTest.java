package org.netduplex.codegen.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jws.WebService;
import jakarta.xml.ws.soap.SOAPBinding;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.namespace.QName;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.datacontract.schemas._2004._07.microsoft_virtualization.ArrayOfVM;
import org.datacontract.schemas._2004._07.microsoft_virtualization.Job;
import org.datacontract.schemas._2004._07.microsoft_virtualization.JobStatus;
import org.datacontract.schemas._2004._07.microsoft_virtualization.NameType;
import org.datacontract.schemas._2004._07.microsoft_virtualization.VM;
import org.datacontract.schemas._2004._07.microsoft_virtualization.VMError;
import org.datacontract.schemas._2004._07.microsoft_virtualization.VMResult;
import org.datacontract.schemas._2004._07.microsoft_virtualization.VMStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.netduplex.client.ClientListener;
import org.netduplex.client.ClientState;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.client.DuplexFaultException;
import org.netduplex.client.PollingDuplexClient;
import org.netduplex.client.ReplyTimeoutException;
import org.netduplex.client.WireFormat;
import org.netduplex.core.NetDuplex;
import org.netduplex.server.CallbackChannels;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.PollingDuplexFeature;
import org.netduplex.jetty.PollingDuplexJetty;
import org.netduplex.testing.Eventually;
import org.netduplex.testing.FakeScheduler;
import rdv.virtualization.microsoft.IRDVServer;
import rdv.virtualization.microsoft.IRDVServerCallback;
import rdv.virtualization.microsoft.JobUpdated;

/**
 * End to end with Microsoft's VDI contract {@code IRDVServer} as the plugin generated it in this
 * module's generate-sources: its four request-reply operations and its {@code JobUpdated} callback,
 * published with PollingDuplexFeature on a real CXF endpoint on loopback in SOAP 1.2 + WS-Addressing,
 * and called with PollingDuplexClient in SOAP 1.2 text and binary, where each reply comes on a poll.
 */
class GeneratedVdiEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final QName RECEIVER = new QName(NetDuplex.SOAP12_NS, "Receiver");

  /**
   * A VDI broker written against the generated interface: StartVM tells the caller its job through
   * JobUpdated, then answers the job's id; GetVM knows one VM; PlaceVM waits for a host until the
   * test releases it. The contract declares no faults, so a failure is an unexpected exception.
   */
  @WebService(endpointInterface = "rdv.virtualization.microsoft.IRDVServer")
  public static class Broker implements IRDVServer {
    final AtomicInteger startCalls = new AtomicInteger();
    final CountDownLatch placementEntered = new CountDownLatch(1);
    final CountDownLatch releasePlacement = new CountDownLatch(1);

    @Override
    public String startVM(String name, NameType type) {
      String jobId = "job-" + startCalls.incrementAndGet();
      Job job = new Job();
      job.setID(jobId);
      job.setName(name);
      job.setStatus(JobStatus.RUNNING);
      job.setProgress(0.25);
      job.setErrorID(VMError.ERROR_VM_SUCCESS);
      JobUpdated update = new JobUpdated();
      update.setJob(job);
      CallbackChannels.currentSession().callback(IRDVServerCallback.class).jobUpdated(update);
      return jobId;
    }

    @Override
    public VMResult getVM(String name, NameType type) {
      if (!"win11-pool-1".equals(name)) {
        throw new IllegalArgumentException("no VM named " + name);
      }
      VM vm = new VM();
      vm.setName(name);
      vm.setHostFQDN("hv1.contoso.test");
      vm.setStatus(VMStatus.VM_STATUS_RUNNING);
      VMResult result = new VMResult();
      result.setErrorID(VMError.ERROR_VM_SUCCESS);
      result.setVMList(new ArrayOfVM());
      result.getVMList().getVM().add(vm);
      return result;
    }

    @Override
    public String placeVM(String name, NameType type) {
      placementEntered.countDown();
      try {
        releasePlacement.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "hv1.contoso.test";
    }

    @Override
    public String setLocale(String locale) {
      return locale;
    }
  }

  /** Receives JobUpdated callbacks and dropped late replies. */
  static final class JobWatcher implements IRDVServerCallback, ClientListener {
    final BlockingQueue<Job> jobs = new LinkedBlockingQueue<>();
    final BlockingQueue<String> droppedReplies = new LinkedBlockingQueue<>();

    @Override
    public void jobUpdated(JobUpdated parameters) {
      jobs.add(parameters.getJob());
    }

    @Override
    public void replyDropped(String relatesTo) {
      droppedReplies.add(relatesTo);
    }
  }

  private final JobWatcher watcher = new JobWatcher();
  private final Broker broker = new Broker();
  private Bus bus;
  private PollingDuplexFeature feature;
  private Server server;
  private URI address;
  private PollingDuplexClient<IRDVServer> client;

  @BeforeEach
  void publish() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    address = URI.create("http://127.0.0.1:" + port + "/RDVServer");
    bus = BusFactory.newInstance().createBus();
    PollingDuplexJetty.preparePort(bus, "127.0.0.1", port, 16);
    feature = new PollingDuplexFeature(DuplexServerConfig.builder().pollTimeout(Duration.ofMillis(500)).build());
    JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
    factory.setBus(bus);
    factory.setServiceBean(broker);
    factory.setAddress(address.toString());
    // The SOAP 1.2 + WS-Addressing profile, in which a reply travels on a poll.
    factory.setBindingId(SOAPBinding.SOAP12HTTP_BINDING);
    factory.getFeatures().add(new WSAddressingFeature());
    factory.getFeatures().add(feature);
    server = factory.create();
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    server.destroy();
    feature.close();
    bus.shutdown(true);
  }

  private IRDVServer connect(WireFormat format, DuplexClientConfig.Builder config) {
    client = PollingDuplexClient.builder(address)
        .callback(IRDVServerCallback.class, watcher)
        .listener(watcher)
        // Callbacks run on the poll thread, so one that came on an earlier poll is seen before the reply.
        .callbackExecutor(Runnable::run)
        .config(config.wireFormat(format).serverPollTimeout(Duration.ofMillis(500)).build())
        .build(IRDVServer.class);
    return client.service();
  }

  @ParameterizedTest
  @EnumSource(value = WireFormat.class, names = {"SOAP12_TEXT", "SOAP12_BINARY"})
  void requestReplyCallsReturnTheirValuesAndTheCallbackQueuedBeforeTheReplyArrivesFirst(WireFormat format)
      throws Exception {
    IRDVServer vdi = connect(format, DuplexClientConfig.builder());

    assertEquals("job-1", vdi.startVM("win11-pool-1", NameType.VM_NAME));

    Job job = watcher.jobs.poll();
    assertNotNull(job, "the JobUpdated StartVM queued before its reply arrived before the reply");
    assertEquals("job-1", job.getID());
    assertEquals("win11-pool-1", job.getName());
    assertEquals(JobStatus.RUNNING, job.getStatus());
    assertEquals(0.25, job.getProgress());
    assertEquals(VMError.ERROR_VM_SUCCESS, job.getErrorID());

    VMResult found = vdi.getVM("win11-pool-1", NameType.VM_NAME);
    assertEquals(VMError.ERROR_VM_SUCCESS, found.getErrorID());
    assertEquals(1, found.getVMList().getVM().size());
    VM vm = found.getVMList().getVM().get(0);
    assertEquals("hv1.contoso.test", vm.getHostFQDN());
    assertEquals(VMStatus.VM_STATUS_RUNNING, vm.getStatus());
    assertNull(found.getDetailedErrorString(), "a nil element is null");

    assertEquals("de-DE", vdi.setLocale("de-DE"));
    assertEquals("job-2", vdi.startVM("win11-pool-1", NameType.VM_NAME));
    assertEquals("job-2", watcher.jobs.poll(WAIT.toSeconds(), TimeUnit.SECONDS).getID());
    assertTrue(watcher.jobs.isEmpty(), "one JobUpdated per StartVM: " + watcher.jobs);
    assertEquals(ClientState.OPEN, client.state());
  }

  @ParameterizedTest
  @EnumSource(value = WireFormat.class, names = {"SOAP12_TEXT", "SOAP12_BINARY"})
  void aFailingOperationArrivesAsACleanFaultAndTheNextCallWorks(WireFormat format) throws Exception {
    IRDVServer vdi = connect(format, DuplexClientConfig.builder());

    // IRDVServer declares no faults: the service's exception arrives as a fault with its code and reason.
    DuplexFaultException fault = assertThrows(DuplexFaultException.class,
        () -> vdi.getVM("no-such-vm", NameType.VM_NAME));

    assertEquals(RECEIVER, fault.code());
    assertTrue(fault.getMessage().startsWith("no VM named no-such-vm"), fault.getMessage());
    assertFalse(fault.getMessage().contains("Exception"), "no stack trace: " + fault.getMessage());
    assertFalse(fault.getMessage().contains("\tat "), "no stack trace: " + fault.getMessage());
    assertEquals(ClientState.OPEN, client.state());
    assertEquals("job-1", vdi.startVM("win11-pool-1", NameType.VM_NAME));
  }

  @ParameterizedTest
  @EnumSource(value = WireFormat.class, names = {"SOAP12_TEXT", "SOAP12_BINARY"})
  void aReplyThatDoesNotComeWithinTheReplyTimeoutIsACleanTimeoutAndTheNextCallWorks(WireFormat format)
      throws Exception {
    FakeScheduler clock = new FakeScheduler();
    IRDVServer vdi = connect(format, DuplexClientConfig.builder().scheduler(clock).replyTimeout(Duration.ofMillis(200)));
    assertEquals("en-US", vdi.setLocale("en-US")); // the session is open and polling

    CompletableFuture<String> placement = CompletableFuture.supplyAsync(() -> vdi.placeVM("win11-pool-1", NameType.VM_NAME));
    assertTrue(broker.placementEntered.await(WAIT.toSeconds(), TimeUnit.SECONDS), "PlaceVM reached the service");
    clock.advanceBy(Duration.ofMillis(200));

    ExecutionException failed = assertThrows(ExecutionException.class,
        () -> placement.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    ReplyTimeoutException timeout = assertInstanceOf(ReplyTimeoutException.class, failed.getCause(),
        () -> String.valueOf(failed.getCause()));
    assertEquals("PlaceVM", timeout.operation());
    assertEquals("No reply to PlaceVM within PT0.2S (replyTimeout)", timeout.getMessage());

    broker.releasePlacement.countDown();
    Eventually.await("the late PlaceVM reply is dropped and told", () -> watcher.droppedReplies.size() == 1);
    assertEquals(1, client.droppedReplies());
    assertEquals("fr-FR", vdi.setLocale("fr-FR"));
    assertEquals(ClientState.OPEN, client.state());
  }
}
