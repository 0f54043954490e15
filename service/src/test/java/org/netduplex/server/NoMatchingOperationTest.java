package org.netduplex.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jws.Oneway;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebService;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netduplex.testing.FakeScheduler;
import org.netduplex.testing.SoapHttp;
import org.netduplex.testing.WireClient;

/**
 * A contract whose every operation has a body: an empty-bodied call then selects no operation at
 * all. It gets the same clean Client fault as a mismatched action, where CXF alone answers a Server
 * fault "No binding operation info while invoking unknown method with params unknown".
 */
class NoMatchingOperationTest {
  /** One one-way operation, with a body. */
  @WebService(targetNamespace = "urn:netduplex:test:notes", serviceName = "Notes")
  public static class Notes {
    final List<String> received = new CopyOnWriteArrayList<>();

    @Oneway
    @WebMethod(action = "urn:netduplex:test:notes/Note")
    public void note(@WebParam(name = "text") String text) {
      received.add(text);
    }
  }

  private final Notes notes = new Notes();
  private Bus bus;
  private Server server;
  private SoapHttp http;

  @BeforeEach
  void start() {
    URI address = URI.create("http://localhost:" + DuplexTestServer.freePort() + "/Notes");
    bus = BusFactory.newInstance().createBus();
    JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
    factory.setBus(bus);
    factory.setServiceClass(Notes.class);
    factory.setServiceBean(notes);
    factory.setAddress(address.toString());
    factory.getFeatures().add(new PollingDuplexFeature(DuplexServerConfig.builder().scheduler(new FakeScheduler()).build()));
    server = factory.create();
    http = new SoapHttp(address);
  }

  @AfterEach
  void stop() {
    server.destroy();
    bus.shutdown(true);
  }

  @Test
  void anEmptyCallWhoseActionMatchesNothingGetsAFaultNotA200() {
    WireClient c = WireClient.random();

    HttpResponse<String> typo = http.post("urn:netduplex:test:notes/Nte", c.register());
    HttpResponse<String> none = http.post("", c.register());

    assertEquals(500, typo.statusCode(), typo.body());
    assertTrue(typo.body().contains("The given SOAPAction urn:netduplex:test:notes/Nte does not match an operation."), typo.body());
    assertEquals(500, none.statusCode(), none.body());
    assertTrue(none.body().contains("The message matches no operation: its body is empty and it names no SOAPAction"),
        none.body());
    assertTrue(typo.body().contains(":Client</faultcode>"), typo.body());
    HttpResponse<String> note = http.post("urn:netduplex:test:notes/Note",
        c.call("<n:note xmlns:n=\"urn:netduplex:test:notes\"><text>hello</text></n:note>"));
    assertEquals(200, note.statusCode(), note.body());
  }
}
