package org.netduplex.client.twoway;

import jakarta.jws.WebService;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.netduplex.server.CallbackChannels;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.DuplexSession;
import org.netduplex.server.PollingDuplexFeature;
import org.netduplex.jetty.PollingDuplexJetty;

/** The quiz service on a real CXF + Jetty endpoint over loopback, SOAP 1.1 or SOAP 1.2 + WS-Addressing. */
final class QuizServer implements AutoCloseable {
  final URI address;
  final PollingDuplexFeature feature;
  final Quiz service = new Quiz();
  private final Bus bus;
  private final Server server;

  QuizServer(DuplexServerConfig config, boolean soap12) {
    int port = freePort();
    this.address = URI.create("http://localhost:" + port + "/QuizService");
    this.feature = new PollingDuplexFeature(config);
    this.bus = BusFactory.newInstance().createBus();
    PollingDuplexJetty.preparePort(bus, "localhost", port, 16);
    JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
    factory.setBus(bus);
    factory.setServiceClass(Quiz.class);
    if (soap12) {
      factory.setBindingId(jakarta.xml.ws.soap.SOAPBinding.SOAP12HTTP_BINDING);
      factory.getFeatures().add(new org.apache.cxf.ws.addressing.WSAddressingFeature());
    }
    factory.setServiceBean(service);
    factory.setAddress(address.toString());
    factory.getFeatures().add(feature);
    this.server = factory.create();
  }

  /** Hands over the session of each player that joins. */
  @WebService(serviceName = "QuizService", portName = "QuizPort", targetNamespace = IQuizCallback.NS,
      endpointInterface = "org.netduplex.client.twoway.IQuizService")
  public static class Quiz implements IQuizService {
    final LinkedBlockingQueue<DuplexSession> joined = new LinkedBlockingQueue<>();

    @Override
    public void join(Question player) {
      joined.add(CallbackChannels.currentSession());
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.destroy();
    feature.close();
    bus.shutdown(true);
  }
}
