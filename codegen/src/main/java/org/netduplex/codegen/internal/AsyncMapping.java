package org.netduplex.codegen.internal;

import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Asks CXF's wsdl2java for the JAX-WS async variants of every service operation
 * ({@code Response<T> opAsync(...)} and {@code Future<?> opAsync(..., AsyncHandler<T>)}) with JAX-WS's
 * own customization, {@code <jaxws:bindings><jaxws:enableAsyncMapping>true</…>} in each service
 * portType (JAX-WS 2.2 section 8.7.3). Callback portTypes, written after the split in documents of
 * their own, are not touched: NetDuplex calls a callback method itself, and a callback interface
 * with async methods would make every implementation write them.
 */
final class AsyncMapping {
  private AsyncMapping() {
  }

  static void enable(List<SourceDocument> wsdlDocs) {
    for (SourceDocument doc : wsdlDocs) {
      for (Element portType : Dom.children(doc.root(), Names.WSDL, "portType")) {
        // After wsdl:documentation, before the operations, as WSDL 1.1's schema orders a portType's children.
        Element documentation = Dom.first(portType, Names.WSDL, "documentation");
        portType.insertBefore(customization(doc.document()),
            documentation == null ? portType.getFirstChild() : documentation.getNextSibling());
      }
    }
  }

  private static Element customization(Document doc) {
    Element bindings = doc.createElementNS(Names.JAXWS_BINDINGS, "jaxws:bindings");
    Element async = doc.createElementNS(Names.JAXWS_BINDINGS, "jaxws:enableAsyncMapping");
    async.setTextContent("true");
    bindings.appendChild(async);
    return bindings;
  }
}
