package org.netduplex.samples;

import jakarta.jws.WebService;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.xml.namespace.QName;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.eclipse.jetty.server.AbstractConnector;
import org.netduplex.samples.web.SessionStatus;
import org.netduplex.samples.web.WebContent;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.DuplexSessionListener;
import org.netduplex.server.PollingDuplexFeature;
import org.netduplex.jetty.PollingDuplexJetty;

/**
 * What every sample server is: one polling duplex service on its own bus and embedded Jetty, in both
 * Silverlight profiles, with its pages, the shared scripts and the status page next to it.
 *
 * <p>The service is published twice, from the two ports of its WSDL: SOAP 1.1 text without
 * WS-Addressing at its address (Silverlight 2, the captured traffic), and SOAP 1.2 with WS-Addressing
 * 1.0 at {@code <address>-soap12} (Silverlight 3+, text or {@code application/soap+msbin1}). Both
 * endpoints share one {@link PollingDuplexFeature}: one set of sessions, so a broadcast reaches every
 * client whichever profile it speaks.
 *
 * <p>A sibling path, not {@code <address>/soap12} as a WCF service's relative endpoint address would
 * be: CXF's embedded Jetty makes a path's parent its servlet context, so {@code /StockService/soap12}
 * would need a context {@code /StockService}, which would hide the endpoint at {@code /StockService}
 * (CXF refuses it: "conflicts with the registered path /StockService").
 *
 * @param <S> the service bean
 */
public final class SampleServer<S> implements AutoCloseable {
  /** Appended to the SOAP 1.1 endpoint's address, the SOAP 1.2 endpoint's. */
  public static final String SOAP12_SUFFIX = "-soap12";

  private final Bus bus;
  private final Server soap11;
  private final Server soap12;
  private final PollingDuplexFeature duplex;
  private final S service;
  private final String address;

  /**
   * Publishes the service {@code serviceOf} makes for the endpoint's feature (a {@code @WebService}
   * bean whose {@code wsdlLocation} has both ports) at {@code http://host:port/path} and
   * {@code http://host:port/path-soap12}, and mounts the pages {@code pages} adds to the shared ones. A
   * service that is a {@link DuplexSessionListener} hears the endpoint's events. The service is made
   * from the feature because it reaches its clients through the feature's groups, which work on every
   * node of a cluster.
   */
  public SampleServer(String title, String host, int port, String path, int maxThreads, DuplexServerConfig config,
      Function<PollingDuplexFeature, S> serviceOf, Consumer<WebContent> pages) {
    this.address = "http://" + host + ":" + port + "/" + path;
    ForwardingListener listener = new ForwardingListener();
    this.duplex = new PollingDuplexFeature(config.toBuilder().listener(listener).build());
    this.bus = BusFactory.newInstance().createBus();
    try {
      this.service = serviceOf.apply(duplex);
      if (service instanceof DuplexSessionListener l) {
        listener.forwardTo(l);
      }
      PollingDuplexJetty.preparePort(bus, host, port, maxThreads);
      // Accept no connection until the pages are mounted: a request that reached the root context
      // before its page servlet existed could leave "/" answering 404 for good. Early clients wait
      // in the accept queue instead.
      AbstractConnector connector = (AbstractConnector) bus.getExtension(JettyHTTPServerEngineFactory.class)
          .retrieveJettyHTTPServerEngine(port).getConnector();
      connector.setAccepting(false);
      this.soap11 = publish(service, address, null);
      this.soap12 = publish(service, soap12Address(), soap12Port(service.getClass()));
      WebContent web = new WebContent()
          .file("/netduplex.js", "netduplex.js").file("/style.css", "style.css")
          .file("/status", "status.html").file("/status.js", "status.js")
          .generated("/status.json", () -> SessionStatus.json(title, endpoints(), duplex));
      pages.accept(web);
      web.mountNextTo(bus, address);
      connector.setAccepting(true);
    } catch (RuntimeException e) {
      bus.shutdown(true);
      duplex.close();
      throw PortInUseException.orElse(port, e);
    }
  }

  /**
   * One endpoint of {@code service} sharing {@link #duplex}: the WSDL port named in its annotation
   * (SOAP 1.1), or {@code port} with WS-Addressing (SOAP 1.2; CXF takes the SOAP version from the port's
   * binding).
   */
  private Server publish(Object service, String at, QName port) {
    JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
    factory.setBus(bus);
    factory.setServiceClass(service.getClass());
    factory.setServiceBean(service);
    factory.setAddress(at);
    if (port != null) {
      factory.setEndpointName(port);
      factory.getFeatures().add(new WSAddressingFeature());
    }
    factory.getFeatures().add(duplex);
    return factory.create();
  }

  /** WCF's name for the port of a custom binding, as the WSDLs use it: {@code CustomBinding_<contract>}. */
  static QName soap12Port(Class<?> serviceClass) {
    WebService ws = serviceClass.getAnnotation(WebService.class);
    String contract = ws.endpointInterface().substring(ws.endpointInterface().lastIndexOf('.') + 1);
    return new QName(ws.targetNamespace(), "CustomBinding_" + contract);
  }

  private List<SessionStatus.Endpoint> endpoints() {
    return List.of(new SessionStatus.Endpoint(address, "Silverlight 2: SOAP 1.1 text"),
        new SessionStatus.Endpoint(soap12Address(), "Silverlight 3+: SOAP 1.2 + WS-Addressing, binary or text"));
  }

  /** The SOAP 1.1 endpoint's address (Silverlight 2's profile, as captured). */
  public String address() {
    return address;
  }

  /** The SOAP 1.2 + WS-Addressing 1.0 endpoint's address, text or binary (Silverlight 3+'s profile). */
  public String soap12Address() {
    return address + SOAP12_SUFFIX;
  }

  /** Both addresses, as start-up prints them: each with its profile, one per line. */
  public String describeEndpoints() {
    StringBuilder text = new StringBuilder();
    for (SessionStatus.Endpoint e : endpoints()) {
      text.append(String.format("  %-50s %s%n", e.address(), e.profile()));
    }
    return text.toString();
  }

  /** The sample's page, served next to the endpoint. */
  public String pageAddress() {
    return address.substring(0, address.lastIndexOf('/') + 1);
  }

  public PollingDuplexFeature duplex() {
    return duplex;
  }

  /** The service bean, as {@code serviceOf} made it. */
  public S service() {
    return service;
  }

  /** Stops the endpoint, ends every session, releases the port. */
  @Override
  public void close() {
    soap11.destroy();
    soap12.destroy();
    duplex.close();
    bus.shutdown(true);
  }
}
