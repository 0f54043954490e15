package org.netduplex.codegen.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.QName;
import org.netduplex.codegen.CodegenException;
import org.w3c.dom.Element;

/**
 * Checks, before CXF runs, that every type and element the contract names is declared by a schema
 * of the set, so that a broken WSDL fails with one line naming the document and the element
 * instead of XJC's report. Covers message parts and the QName references inside schemas
 * ({@code type}, {@code base}, {@code ref}, {@code itemType}, {@code memberTypes}, {@code substitutionGroup}).
 */
final class ReferenceChecker {
  private final Set<QName> elements = new HashSet<>();
  private final Set<QName> types = new HashSet<>();
  private final Set<QName> attributes = new HashSet<>();
  private final Set<QName> attributeGroups = new HashSet<>();
  private final Set<QName> groups = new HashSet<>();
  private final Set<QName> messages = new HashSet<>();
  private final List<String> problems = new ArrayList<>();

  void check(List<SourceDocument> documents) throws CodegenException {
    List<Located> schemas = new ArrayList<>();
    for (SourceDocument doc : documents) {
      if (doc.isWsdl()) {
        Element typesSection = Dom.first(doc.root(), Names.WSDL, "types");
        if (typesSection != null) {
          for (Element schema : Dom.children(typesSection, Names.XSD, "schema")) {
            schemas.add(new Located(doc, schema));
          }
        }
      } else {
        schemas.add(new Located(doc, doc.root()));
      }
    }
    for (Located s : schemas) {
      declare(s.schema());
    }
    for (Located s : schemas) {
      checkSchema(s.doc(), s.schema());
    }
    for (SourceDocument doc : documents) {
      if (doc.isWsdl()) {
        for (Element message : Dom.children(doc.root(), Names.WSDL, "message")) {
          messages.add(new QName(doc.targetNamespace(), message.getAttribute("name")));
        }
      }
    }
    for (SourceDocument doc : documents) {
      if (doc.isWsdl()) {
        checkMessages(doc);
        checkOperations(doc);
      }
    }
    if (!problems.isEmpty()) {
      String more = problems.size() == 1 ? "" : " (and " + (problems.size() - 1) + " more)";
      throw new CodegenException(problems.get(0) + more);
    }
  }

  private record Located(SourceDocument doc, Element schema) {
  }

  private void declare(Element schema) {
    String tns = Dom.targetNamespace(schema);
    for (Element child : Dom.elements(schema)) {
      if (!Names.XSD.equals(child.getNamespaceURI()) || !child.hasAttribute("name")) {
        continue;
      }
      QName name = new QName(tns, child.getAttribute("name"));
      switch (child.getLocalName()) {
        case "element" -> elements.add(name);
        case "complexType", "simpleType" -> types.add(name);
        case "attribute" -> attributes.add(name);
        case "attributeGroup" -> attributeGroups.add(name);
        case "group" -> groups.add(name);
        default -> {
        }
      }
    }
  }

  private void checkSchema(SourceDocument doc, Element e) {
    if (Names.XSD.equals(e.getNamespaceURI())) {
      String local = e.getLocalName();
      reference(doc, e, "type", types);
      reference(doc, e, "base", types);
      reference(doc, e, "itemType", types);
      reference(doc, e, "substitutionGroup", elements);
      switch (local) {
        case "element" -> reference(doc, e, "ref", elements);
        case "attribute" -> reference(doc, e, "ref", attributes);
        case "attributeGroup" -> reference(doc, e, "ref", attributeGroups);
        case "group" -> reference(doc, e, "ref", groups);
        default -> {
        }
      }
      String members = Dom.attr(e, "memberTypes");
      if (members != null) {
        for (String m : members.trim().split("\\s+")) {
          if (!m.isEmpty()) {
            resolve(doc, e, "memberTypes", m, types);
          }
        }
      }
    }
    for (Element child : Dom.elements(e)) {
      checkSchema(doc, child);
    }
  }

  private void checkMessages(SourceDocument doc) {
    for (Element message : Dom.children(doc.root(), Names.WSDL, "message")) {
      for (Element part : Dom.children(message, Names.WSDL, "part")) {
        String where = "wsdl:message " + message.getAttribute("name") + " part " + part.getAttribute("name");
        String element = Dom.attr(part, "element");
        if (element != null) {
          resolve(doc, part, where, "element", element, elements);
        }
        String type = Dom.attr(part, "type");
        if (type != null) {
          resolve(doc, part, where, "type", type, types);
        }
      }
    }
  }

  /** Every input, output and fault of a portType names a message of the set. */
  private void checkOperations(SourceDocument doc) {
    for (Element portType : Dom.children(doc.root(), Names.WSDL, "portType")) {
      for (Element op : Dom.children(portType, Names.WSDL, "operation")) {
        for (Element io : Dom.elements(op)) {
          String message = Dom.attr(io, "message");
          if (message != null) {
            String where = "wsdl:portType " + portType.getAttribute("name") + " operation " + op.getAttribute("name")
                + " " + io.getLocalName() + (io.hasAttribute("name") ? " " + io.getAttribute("name") : "");
            resolve(doc, io, where, "message", message, messages);
          }
        }
      }
    }
  }

  private void reference(SourceDocument doc, Element e, String attribute, Set<QName> declared) {
    String value = Dom.attr(e, attribute);
    if (value != null) {
      resolve(doc, e, attribute, value, declared);
    }
  }

  private void resolve(SourceDocument doc, Element e, String attribute, String value, Set<QName> declared) {
    resolve(doc, e, describe(e), attribute, value, declared);
  }

  private void resolve(SourceDocument doc, Element e, String where, String attribute, String value, Set<QName> declared) {
    QName q = Dom.qname(e, value.trim());
    String subject = doc.displayName() + ": " + where + " has " + attribute + "=\"" + value + "\"";
    if (q == null) {
      String prefix = value.substring(0, value.indexOf(':'));
      problems.add(subject + ", but the prefix " + prefix + " is not declared");
    } else if (!Names.XSD.equals(q.getNamespaceURI()) && !Names.XML.equals(q.getNamespaceURI()) && !declared.contains(q)) {
      problems.add(subject + ", but no " + (declared == messages ? "wsdl:message is named " : "schema declares ") + q);
    }
  }

  /** {@code xs:element name="ID" (in xs:complexType VM)}: enough to find it in the file. */
  private static String describe(Element e) {
    StringBuilder b = new StringBuilder(e.getNodeName());
    if (e.hasAttribute("name")) {
      b.append(" name=\"").append(e.getAttribute("name")).append('"');
    }
    for (org.w3c.dom.Node p = e.getParentNode(); p instanceof Element pe; p = pe.getParentNode()) {
      if (pe.hasAttribute("name") && Names.XSD.equals(pe.getNamespaceURI())) {
        b.append(" (in ").append(pe.getNodeName()).append(' ').append(pe.getAttribute("name")).append(')');
        break;
      }
    }
    return b.toString();
  }
}
