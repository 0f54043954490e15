package org.netduplex.wcf;

import jakarta.xml.ws.soap.SOAPBinding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.DuplexSession;
import org.netduplex.server.DuplexSessionListener;
import org.netduplex.server.PollingDuplexFeature;
import org.netduplex.jetty.PollingDuplexJetty;
import org.netduplex.server.SessionEndReason;

/**
 * The stock contract published with one {@link PollingDuplexFeature} on two endpoints of a free loopback port, as a
 * WCF service offers both client profiles: SOAP 1.1 at {@code /StockService}, SOAP 1.2 + WS-Addressing 1.0 at
 * {@code /StockService-soap12} (text and msbin1). One engine, so sessions of both endpoints share one session space.
 * Not {@code /StockService/soap12}: CXF's embedded Jetty refuses an endpoint whose context path is another endpoint's
 * path ("conflicts with the registered path /StockService").
 */
final class WcfPeerStockServer implements AutoCloseable {
  final String soap11Url;
  final String soap12Url;
  /** The chat contract's SOAP 1.2 endpoint, for a request-reply operation ({@link WcfPeerChatService}). */
  final String chat12Url;
  final PollingDuplexFeature feature;
  private final Bus bus;
  private final Server soap11;
  private final Server soap12;
  private final Server chat12;

  WcfPeerStockServer(Duration pollTimeout) {
    Set<DuplexSession> subscribers = ConcurrentHashMap.newKeySet();
    feature = new PollingDuplexFeature(DuplexServerConfig.builder()
        .pollTimeout(pollTimeout)
        .listener(new DuplexSessionListener() {
          @Override
          public void sessionEnded(DuplexSession session, SessionEndReason reason) {
            subscribers.remove(session);
          }
        })
        .build());
    int port = freePort();
    soap11Url = "http://127.0.0.1:" + port + "/StockService";
    soap12Url = soap11Url + "-soap12";
    bus = BusFactory.newInstance().createBus();
    PollingDuplexJetty.preparePort(bus, "127.0.0.1", port, 16);
    soap11 = publish(new WcfPeerStockService.Soap11(), subscribers, soap11Url, false);
    soap12 = publish(new WcfPeerStockService.Soap12(), subscribers, soap12Url, true);
    chat12Url = "http://127.0.0.1:" + port + "/ChatService-soap12";
    JaxWsServerFactoryBean chat = new JaxWsServerFactoryBean();
    chat.setBus(bus);
    chat.setServiceClass(WcfPeerChatService.class);
    chat.setServiceBean(new WcfPeerChatService());
    chat.setAddress(chat12Url);
    chat.setBindingId(SOAPBinding.SOAP12HTTP_BINDING);
    chat.getFeatures().add(new WSAddressingFeature());
    chat.getFeatures().add(feature);
    chat12 = chat.create();
  }

  private Server publish(WcfPeerStockService service, Set<DuplexSession> subscribers, String url, boolean soap12) {
    service.subscribers(subscribers);
    JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
    factory.setBus(bus);
    factory.setServiceClass(service.getClass());
    factory.setServiceBean(service);
    factory.setAddress(url);
    if (soap12) {
      factory.setBindingId(SOAPBinding.SOAP12HTTP_BINDING);
      factory.getFeatures().add(new WSAddressingFeature());
    }
    factory.getFeatures().add(feature);
    return factory.create();
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    soap11.destroy();
    soap12.destroy();
    chat12.destroy();
    feature.close();
    bus.shutdown(true);
  }
}
