package org.netduplex.codegen.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;

/**
 * Keeps the SOAP 1.1 and SOAP 1.2 bindings over HTTP and drops the rest (WCF's net.tcp, named pipes,
 * WebSockets, MSMQ), with the ports that use them and services left without a port. Polling duplex
 * runs over HTTP; a binding CXF cannot generate for would only fail the run.
 */
final class UnsupportedBindingFilter {
  private final List<String> skipped;

  UnsupportedBindingFilter(List<String> skipped) {
    this.skipped = skipped;
  }

  void filter(List<SourceDocument> wsdls) {
    Set<QName> dropped = new HashSet<>();
    for (SourceDocument doc : wsdls) {
      for (Element binding : Dom.children(doc.root(), Names.WSDL, "binding")) {
        String reason = whyUnsupported(binding);
        if (reason != null) {
          dropped.add(new QName(doc.targetNamespace(), binding.getAttribute("name")));
          doc.root().removeChild(binding);
          skipped.add(doc.displayName() + ": binding " + binding.getAttribute("name") + " left out (" + reason + ")");
        }
      }
    }
    for (SourceDocument doc : wsdls) {
      for (Element service : Dom.children(doc.root(), Names.WSDL, "service")) {
        for (Element port : Dom.children(service, Names.WSDL, "port")) {
          String ref = Dom.attr(port, "binding");
          QName binding = ref == null ? null : Dom.qname(port, ref);
          if (binding != null && dropped.contains(binding)) {
            service.removeChild(port);
            skipped.add(doc.displayName() + ": port " + port.getAttribute("name") + " left out (its binding is)");
          }
        }
        if (Dom.children(service, Names.WSDL, "port").isEmpty()) {
          doc.root().removeChild(service);
          skipped.add(doc.displayName() + ": service " + service.getAttribute("name") + " left out (no port left)");
        }
      }
    }
  }

  /** Null when CXF can generate for the binding. */
  static String whyUnsupported(Element binding) {
    Element soap = Dom.first(binding, Names.SOAP11, "binding");
    if (soap == null) {
      soap = Dom.first(binding, Names.SOAP12, "binding");
    }
    if (soap == null) {
      return "not a SOAP binding";
    }
    String transport = Dom.attr(soap, "transport");
    if (Names.SOAP_HTTP_TRANSPORT.equals(transport) || Names.SOAP12_HTTP_TRANSPORT.equals(transport)) {
      return null;
    }
    return "transport " + transport + " is not HTTP";
  }
}
