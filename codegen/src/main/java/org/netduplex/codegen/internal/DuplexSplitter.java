package org.netduplex.codegen.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.QName;
import org.netduplex.codegen.CodegenException;
import org.netduplex.codegen.DuplexContract;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Splits each WCF duplex portType, which JAX-WS cannot express, in two. WCF exports a duplex
 * contract as one portType whose callback operations are output-only (notification) or
 * output-then-input (solicit-response); CXF's wsdl2java refuses both. The service portType keeps
 * its input-first operations; a new callback portType {@code <PortType>Callback}, in a document of
 * its own (wsdl2java generates only portTypes a service names when the document has a service),
 * takes the callback operations turned around: the server's output becomes the input of a one-way
 * operation, a solicit-response becomes a request-reply one. Bindings are split the same way; the
 * SOAP actions and {@code wsaw:Action}s move unchanged, so the wire stays WCF's.
 */
final class DuplexSplitter {
  private final List<SourceDocument> wsdls;
  private final List<String> skipped;
  private final Set<String> usedFileNames = new HashSet<>();

  DuplexSplitter(List<SourceDocument> wsdls, List<String> skipped) {
    this.wsdls = wsdls;
    this.skipped = skipped;
    for (SourceDocument d : wsdls) {
      usedFileNames.add(d.fileName().toLowerCase(java.util.Locale.ROOT));
    }
  }

  /** A callback contract, ready to be written and generated. */
  record CallbackDocument(String fileName, Document document, DuplexContract contract) {
  }

  List<CallbackDocument> split() throws CodegenException {
    List<CallbackDocument> out = new ArrayList<>();
    for (SourceDocument doc : wsdls) {
      for (Element portType : Dom.children(doc.root(), Names.WSDL, "portType")) {
        List<Element> callbacks = new ArrayList<>();
        int service = 0;
        for (Element op : Dom.children(portType, Names.WSDL, "operation")) {
          if (isCallback(op)) {
            callbacks.add(op);
          } else {
            service++;
          }
        }
        if (!callbacks.isEmpty()) {
          out.add(split(doc, portType, callbacks, service));
        }
      }
    }
    return out;
  }

  /** Output first: the server speaks first, so this is the client's operation. */
  static boolean isCallback(Element operation) {
    for (Element child : Dom.elements(operation)) {
      if (Dom.is(child, Names.WSDL, "input")) {
        return false;
      }
      if (Dom.is(child, Names.WSDL, "output")) {
        return true;
      }
    }
    return false;
  }

  private CallbackDocument split(SourceDocument doc, Element portType, List<Element> callbackOps, int serviceOps)
      throws CodegenException {
    String tns = doc.targetNamespace();
    String name = portType.getAttribute("name");
    String callbackName = name + "Callback";
    for (Element other : Dom.children(doc.root(), Names.WSDL, "portType")) {
      if (callbackName.equals(other.getAttribute("name"))) {
        throw new CodegenException(doc.displayName() + ": portType " + name + " is duplex, but its callback contract's name "
            + callbackName + " is taken by another portType");
      }
    }
    QName portTypeName = new QName(tns, name);
    Set<String> callbackNames = new LinkedHashSet<>();
    for (Element op : callbackOps) {
      callbackNames.add(op.getAttribute("name"));
    }

    // The callback document: a copy of the portType's document (its namespaces, types and
    // messages), keeping only what the callback contract uses.
    Document cb = (Document) doc.document().cloneNode(true);
    Element root = cb.getDocumentElement();
    Element cbPortType = findNamed(root, "portType", name);
    List<Element> cbOps = new ArrayList<>();
    for (Element op : Dom.children(cbPortType, Names.WSDL, "operation")) {
      if (callbackNames.contains(op.getAttribute("name"))) {
        cbOps.add(op);
      }
    }
    Set<QName> messages = new HashSet<>();
    for (Element op : cbOps) {
      for (Element io : Dom.elements(op)) {
        String m = Dom.attr(io, "message");
        QName q = m == null ? null : Dom.qname(io, m);
        if (q != null) {
          messages.add(q);
        }
      }
    }
    for (Element child : Dom.elements(root)) {
      boolean keep = Dom.is(child, Names.WSDL, "types") || Dom.is(child, Names.WSDL, "documentation")
          || Dom.is(child, Names.WSDL, "message") && messages.contains(new QName(tns, child.getAttribute("name")));
      if (!keep) {
        root.removeChild(child);
      }
    }
    Element callbackPortType = cb.createElementNS(Names.WSDL, qualified(cbPortType, "portType"));
    callbackPortType.setAttribute("name", callbackName);
    for (Element op : cbOps) {
      callbackPortType.appendChild(turnAround(op, name, doc));
    }
    root.appendChild(callbackPortType);
    root.appendChild(callbackBinding(cb, doc, portTypeName, callbackName, callbackNames, cbOps));
    root.appendChild(bareStyle(cb));

    // The service side: the callback operations leave the portType and its bindings.
    for (Element op : callbackOps) {
      portType.removeChild(op);
    }
    for (SourceDocument d : wsdls) {
      for (Element binding : bindingsOf(d, portTypeName)) {
        for (Element bop : Dom.children(binding, Names.WSDL, "operation")) {
          if (callbackNames.contains(bop.getAttribute("name"))) {
            binding.removeChild(bop);
          }
        }
      }
    }
    if (serviceOps == 0) {
      skipped.add(doc.displayName() + ": portType " + name + " has only callback operations; its service side is empty");
    }
    DuplexContract contract = new DuplexContract(portTypeName, new QName(tns, callbackName), serviceOps, callbackOps.size());
    return new CallbackDocument(uniqueFileName(callbackName), cb, contract);
  }

  /** The callback operation as the client receives it: output becomes input (and input output). */
  private Element turnAround(Element op, String portTypeName, SourceDocument doc) {
    Element copy = (Element) op.cloneNode(true);
    Element output = Dom.first(copy, Names.WSDL, "output");
    Element input = Dom.first(copy, Names.WSDL, "input");
    Document owner = copy.getOwnerDocument();
    Element newInput = (Element) owner.renameNode(output, Names.WSDL, qualified(output, "input"));
    if (input == null) {
      // One-way: WCF may export faults on it (with an empty message reference); JAX-WS one-way
      // operations have none.
      for (Element fault : Dom.children(copy, Names.WSDL, "fault")) {
        copy.removeChild(fault);
        skipped.add(doc.displayName() + ": fault " + fault.getAttribute("name") + " of callback "
            + portTypeName + "." + copy.getAttribute("name") + " left out (a one-way operation has no faults)");
      }
    } else {
      owner.renameNode(input, Names.WSDL, qualified(input, "output"));
      copy.removeChild(newInput);
      copy.insertBefore(newInput, input);
    }
    return copy;
  }

  private Element callbackBinding(Document cb, SourceDocument doc, QName portType, String callbackName,
      Set<String> callbackNames, List<Element> cbOps) {
    Element template = null;
    for (SourceDocument d : wsdls) {
      List<Element> found = bindingsOf(d, portType);
      if (!found.isEmpty()) {
        template = found.get(0);
        break;
      }
    }
    if (template == null) {
      skipped.add(doc.displayName() + ": portType " + portType.getLocalPart()
          + " has no SOAP binding over HTTP; its callback binding is SOAP 1.1 document/literal with the wsaw:Action as SOAPAction");
      return synthesizedBinding(cb, portType, callbackName, cbOps);
    }
    Element binding = (Element) cb.importNode(template, true);
    copyNamespaceContext(template, binding);
    binding.setAttribute("name", template.getAttribute("name") + "Callback");
    // A prefix of its own: the template's declarations, copied above, may bind tns elsewhere.
    binding.setAttributeNS(Names.XMLNS, "xmlns:ndcb", portType.getNamespaceURI());
    binding.setAttribute("type", "ndcb:" + callbackName);
    for (Element bop : Dom.children(binding, Names.WSDL, "operation")) {
      if (!callbackNames.contains(bop.getAttribute("name"))) {
        binding.removeChild(bop);
        continue;
      }
      Element pop = byName(cbOps, bop.getAttribute("name"));
      keepSoapAction(bop, actionOf(pop));
      Element output = Dom.first(bop, Names.WSDL, "output");
      Element input = Dom.first(bop, Names.WSDL, "input");
      if (output == null) {
        continue;
      }
      Element newInput = (Element) cb.renameNode(output, Names.WSDL, qualified(output, "input"));
      if (input == null) {
        for (Element fault : Dom.children(bop, Names.WSDL, "fault")) {
          bop.removeChild(fault);
        }
      } else {
        cb.renameNode(input, Names.WSDL, qualified(input, "output"));
        bop.removeChild(newInput);
        bop.insertBefore(newInput, input);
      }
    }
    return binding;
  }

  /** Where the binding names no SOAPAction, the operation's WS-Addressing action is the one WCF sends. */
  private static void keepSoapAction(Element bindingOp, String action) {
    Element soapOp = Dom.first(bindingOp, Names.SOAP11, "operation");
    if (soapOp == null) {
      soapOp = Dom.first(bindingOp, Names.SOAP12, "operation");
    }
    if (soapOp != null && action != null && (Dom.attr(soapOp, "soapAction") == null || soapOp.getAttribute("soapAction").isEmpty())) {
      soapOp.setAttribute("soapAction", action);
    }
  }

  /** The {@code wsaw:Action} (or {@code wsam:Action}) of the message the server sends. */
  private static String actionOf(Element callbackOp) {
    if (callbackOp == null) {
      return null;
    }
    Element in = Dom.first(callbackOp, Names.WSDL, "input");
    if (in == null) {
      return null;
    }
    if (in.hasAttributeNS(Names.WSAW, "Action")) {
      return in.getAttributeNS(Names.WSAW, "Action");
    }
    return in.hasAttributeNS(Names.WSAM, "Action") ? in.getAttributeNS(Names.WSAM, "Action") : null;
  }

  private Element synthesizedBinding(Document cb, QName portType, String callbackName, List<Element> cbOps) {
    Element root = cb.getDocumentElement();
    String wsdl = root.getPrefix() == null ? "" : root.getPrefix() + ":";
    Element binding = cb.createElementNS(Names.WSDL, wsdl + "binding");
    binding.setAttributeNS(Names.XMLNS, "xmlns:ndsoap", Names.SOAP11);
    binding.setAttribute("name", callbackName + "SoapBinding");
    binding.setAttributeNS(Names.XMLNS, "xmlns:ndcb", portType.getNamespaceURI());
    binding.setAttribute("type", "ndcb:" + callbackName);
    Element soapBinding = cb.createElementNS(Names.SOAP11, "ndsoap:binding");
    soapBinding.setAttribute("transport", Names.SOAP_HTTP_TRANSPORT);
    soapBinding.setAttribute("style", "document");
    binding.appendChild(soapBinding);
    for (Element pop : cbOps) {
      Element bop = cb.createElementNS(Names.WSDL, wsdl + "operation");
      bop.setAttribute("name", pop.getAttribute("name"));
      Element soapOp = cb.createElementNS(Names.SOAP11, "ndsoap:operation");
      String action = actionOf(turnedAround(pop));
      soapOp.setAttribute("soapAction", action == null ? "" : action);
      soapOp.setAttribute("style", "document");
      bop.appendChild(soapOp);
      for (String io : Dom.first(pop, Names.WSDL, "input") == null ? List.of("input") : List.of("input", "output")) {
        Element msg = cb.createElementNS(Names.WSDL, wsdl + io);
        Element body = cb.createElementNS(Names.SOAP11, "ndsoap:body");
        body.setAttribute("use", "literal");
        msg.appendChild(body);
        bop.appendChild(msg);
      }
      binding.appendChild(bop);
    }
    return binding;
  }

  /** The operation's server-sent message is its first child message (output, before turning around). */
  private static Element turnedAround(Element originalOp) {
    Element op = (Element) originalOp.cloneNode(true);
    Element output = Dom.first(op, Names.WSDL, "output");
    if (output != null) {
      op.getOwnerDocument().renameNode(output, Names.WSDL, qualified(output, "input"));
    }
    return op;
  }

  /** {@code <jaxws:bindings><jaxws:enableWrapperStyle>false</…>}: NetDuplex callbacks take one body element. */
  private static Element bareStyle(Document cb) {
    Element bindings = cb.createElementNS(Names.JAXWS_BINDINGS, "jaxws:bindings");
    Element wrapper = cb.createElementNS(Names.JAXWS_BINDINGS, "jaxws:enableWrapperStyle");
    wrapper.setTextContent("false");
    bindings.appendChild(wrapper);
    return bindings;
  }

  private List<Element> bindingsOf(SourceDocument d, QName portType) {
    List<Element> out = new ArrayList<>();
    for (Element binding : Dom.children(d.root(), Names.WSDL, "binding")) {
      String type = Dom.attr(binding, "type");
      if (type != null && portType.equals(Dom.qname(binding, type))) {
        out.add(binding);
      }
    }
    return out;
  }

  /** Declarations the template inherited in its own document, made explicit on the copy. */
  private static void copyNamespaceContext(Element template, Element copy) {
    for (Node n = template.getParentNode(); n instanceof Element e; n = n.getParentNode()) {
      var attrs = e.getAttributes();
      for (int i = 0; i < attrs.getLength(); i++) {
        var a = attrs.item(i);
        if (Names.XMLNS.equals(a.getNamespaceURI()) && !copy.hasAttributeNS(Names.XMLNS, a.getLocalName())) {
          copy.setAttributeNS(Names.XMLNS, a.getNodeName(), a.getNodeValue());
        }
      }
    }
  }

  private static Element findNamed(Element root, String local, String name) {
    for (Element e : Dom.children(root, Names.WSDL, local)) {
      if (name.equals(e.getAttribute("name"))) {
        return e;
      }
    }
    throw new IllegalStateException(local + " " + name + " vanished from its copy");
  }

  private static Element byName(List<Element> ops, String name) {
    for (Element op : ops) {
      if (name.equals(op.getAttribute("name"))) {
        return turnedAround(op);
      }
    }
    return null;
  }

  private static String qualified(Element like, String local) {
    return like.getPrefix() == null ? local : like.getPrefix() + ":" + local;
  }

  private String uniqueFileName(String base) {
    String name = base + ".wsdl";
    for (int i = 2; !usedFileNames.add(name.toLowerCase(java.util.Locale.ROOT)); i++) {
      name = base + "-" + i + ".wsdl";
    }
    return name;
  }
}
