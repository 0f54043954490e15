package org.netduplex.server.internal.cxf;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.logging.Logger;
import org.apache.cxf.endpoint.Endpoint;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;

/**
 * Answers requests that are not SOAP POSTs. A {@code GET} or {@code HEAD} (a browser, a health
 * check) gets a short page naming the service and linking its {@code ?wsdl}, as WCF's service help
 * page does ({@code ServiceDebugBehavior.HttpHelpPageEnabled}, on by default): HTML for a browser,
 * plain text for anything else. {@code ?wsdl} itself is served by CXF before this runs. Any other
 * method gets {@code 405} with {@code Allow}. Nothing of it is logged above FINE: these are not errors.
 */
public final class ServicePageInterceptor extends AbstractPhaseInterceptor<Message> {
  private static final Logger LOG = Logger.getLogger(ServicePageInterceptor.class.getName());
  static final String ALLOW = "GET, HEAD, POST";

  public ServicePageInterceptor() {
    super(Phase.READ);
    addAfter("org.apache.cxf.frontend.WSDLGetInterceptor"); // ?wsdl and ?xsd are answered there
  }

  @Override
  public void handleMessage(Message message) {
    String method = (String) message.get(Message.HTTP_REQUEST_METHOD);
    if (method == null || "POST".equals(method)) {
      return;
    }
    HttpServletRequest request = (HttpServletRequest) message.get(AbstractHTTPDestination.HTTP_REQUEST);
    HttpServletResponse response = (HttpServletResponse) message.get(AbstractHTTPDestination.HTTP_RESPONSE);
    if (request == null || response == null) {
      return;
    }
    LOG.fine(() -> method + " " + request.getRequestURI() + " answered with the service page");
    message.getInterceptorChain().abort();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      response.setHeader("Allow", ALLOW);
      response.setContentLength(0);
      flush(response);
      return;
    }
    String wsdl = request.getRequestURL() + "?wsdl";
    String name = serviceName(message);
    boolean html = accepts(request, "text/html");
    byte[] page = (html ? html(name, wsdl) : text(name, wsdl)).getBytes(StandardCharsets.UTF_8);
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType((html ? "text/html" : "text/plain") + "; charset=utf-8");
    response.setContentLength(page.length);
    try {
      if (!"HEAD".equals(method)) {
        response.getOutputStream().write(page);
      }
      response.flushBuffer();
    } catch (IOException e) {
      LOG.fine(() -> "Service page not written: " + e);
    }
  }

  private static String serviceName(Message message) {
    Endpoint endpoint = message.getExchange().getEndpoint();
    return endpoint == null ? "Service" : endpoint.getService().getName().getLocalPart();
  }

  private static boolean accepts(HttpServletRequest request, String mediaType) {
    String accept = request.getHeader("Accept");
    return accept != null && accept.toLowerCase(Locale.ROOT).contains(mediaType);
  }

  static String text(String name, String wsdl) {
    return name + ": a WCF polling duplex SOAP service (NetDuplex). Clients POST SOAP messages to this address.\n"
        + "Its contract (WSDL): " + wsdl + "\n";
  }

  static String html(String name, String wsdl) {
    String n = escape(name);
    String w = escape(wsdl);
    return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + n + "</title></head>\n<body>\n"
        + "<h1>" + n + "</h1>\n"
        + "<p>This is a WCF polling duplex SOAP service (NetDuplex). Clients POST SOAP messages to this address;"
        + " a browser cannot talk to it.</p>\n"
        + "<p>Its contract (WSDL), from which clients are generated: <a href=\"" + w + "\">" + w + "</a></p>\n"
        + "</body></html>\n";
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static void flush(HttpServletResponse response) {
    try {
      response.flushBuffer();
    } catch (IOException e) {
      LOG.fine(() -> "Answer not written: " + e);
    }
  }
}
