package org.netduplex.interop;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.netduplex.testing.CapturedHttpMessage;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** The contract's schemas describe exactly what WCF put on the wire: every captured header and body validates. */
class ContractSchemasTest {
  private static final Schema SCHEMA = schema();

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "A-register.request.http", "C-makeconnection.request.http", "D-makeconnection.response.http",
      "E-sync.request.http", "F-makeconnection.response.http"})
  void capturedHeadersAndBodiesValidateAgainstTheContract(String capture) throws Exception {
    Document doc = parse(CapturedHttpMessage.fromResource("/captures/" + capture).bodyText());
    for (Element part : headerAndBodyChildren(doc)) {
      SCHEMA.newValidator().validate(new DOMSource(part));
    }
  }

  @Test
  void aStockWithItsMembersOutOfOrderDoesNotValidate() throws Exception {
    Document doc = parse("<Stock xmlns='urn:petermcg.wordpress.com'><Bid>1</Bid><Ask>2</Ask>"
        + "<Notes/><Symbol>X</Symbol></Stock>");
    assertThrows(SAXException.class, () -> SCHEMA.newValidator().validate(new DOMSource(doc.getDocumentElement())));
  }

  private static java.util.List<Element> headerAndBodyChildren(Document doc) {
    java.util.List<Element> parts = new java.util.ArrayList<>();
    for (Node section = doc.getDocumentElement().getFirstChild(); section != null; section = section.getNextSibling()) {
      for (Node n = section.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e) {
          parts.add(e);
        }
      }
    }
    return parts;
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  private static Schema schema() {
    try {
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      return f.newSchema(new StreamSource[] {
          source("wsdl/Stock.xsd"), source("wsdl/netduplex.xsd"), source("wsdl/wsmc.xsd")});
    } catch (SAXException e) {
      throw new IllegalStateException(e);
    }
  }

  private static StreamSource source(String resource) {
    java.net.URL url = ContractSchemasTest.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new IllegalStateException("Missing " + resource + " on the classpath");
    }
    return new StreamSource(url.toExternalForm());
  }
}
