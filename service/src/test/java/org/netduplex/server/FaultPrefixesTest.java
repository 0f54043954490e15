package org.netduplex.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.netduplex.core.NetDuplex;
import org.netduplex.msbin.Msbin;
import org.netduplex.testing.FakeScheduler;
import org.netduplex.testing.WireClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every prefix a fault uses in a QName value ({@code faultcode}, {@code s:Value}, the
 * {@code UnsupportedSelection} detail) is declared within {@code s:Fault}: a WCF stack that copies
 * the fault element out of its envelope can still resolve it. Checked by importing the Fault element
 * alone into a new DOM document, for our faults and CXF's own, SOAP 1.1 and 1.2, text and binary.
 */
class FaultPrefixesTest {
  private static final String WSRM_NS = "http://docs.oasis-open.org/ws-rx/wsrm/200702";
  private static final String MC = "<wsmc:MakeConnection xmlns:wsmc=\"" + NetDuplex.WSMC_NS + "\">";

  static Stream<Arguments> faults() {
    List<Arguments> all = new ArrayList<>();
    for (boolean soap12 : new boolean[] {false, true}) {
      for (boolean binary : new boolean[] {false, true}) {
        String form = (soap12 ? "SOAP 1.2" : "SOAP 1.1") + (binary ? " binary" : " text");
        WireClient c = WireClient.random();
        all.add(Arguments.of(form + ", ndf:UnknownAddress", soap12, binary, NetDuplex.MAKE_CONNECTION_ACTION, "",
            MC + "<wsmc:Address>" + c.address + "</wsmc:Address></wsmc:MakeConnection>", NetDuplex.FAULTS_NS));
        all.add(Arguments.of(form + ", ndf:MissingDuplexHeader", soap12, binary, WireClient.REGISTER, "", "",
            NetDuplex.FAULTS_NS));
        all.add(Arguments.of(form + ", wsmc:MissingSelection", soap12, binary, NetDuplex.MAKE_CONNECTION_ACTION, "",
            MC + "</wsmc:MakeConnection>", NetDuplex.WSMC_NS));
        all.add(Arguments.of(form + ", wsmc:UnsupportedSelection", soap12, binary, NetDuplex.MAKE_CONNECTION_ACTION, "",
            MC + "<wsrm:Identifier xmlns:wsrm=\"" + WSRM_NS + "\">urn:x</wsrm:Identifier></wsmc:MakeConnection>",
            NetDuplex.WSMC_NS));
        all.add(Arguments.of(form + ", CXF's own fault (a body the contract does not know)", soap12, binary,
            WireClient.SYNC, c.duplexHeader(), "<Quote xmlns=\"urn:example\"/>",
            soap12 ? NetDuplex.SOAP12_NS : NetDuplex.SOAP11_NS));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void theFaultElementAloneResolvesEveryQNameItUses(String what, boolean soap12, boolean binary, String action,
      String header, String body, String codeNamespace) throws Exception {
    String answer;
    try (DuplexTestServer server = new DuplexTestServer(DuplexServerConfig.builder().scheduler(new FakeScheduler()).build(),
        8, soap12)) {
      answer = post(server, soap12, binary, action, header, body);
    }

    Element fault = detachedFault(answer);

    List<Element> codes = soap12 ? elements(fault, NetDuplex.SOAP12_NS, "Value") : elements(fault, "", "faultcode");
    assertFalse(codes.isEmpty(), answer);
    String innermost = null;
    for (Element code : codes) {
      innermost = resolve(code, answer);
    }
    assertEquals(codeNamespace, innermost, answer); // the last Value is the subcode
    for (Element selection : elements(fault, NetDuplex.WSMC_NS, "UnsupportedSelection")) {
      assertEquals(WSRM_NS, resolve(selection, answer));
    }
  }

  /** The namespace the prefix of {@code e}'s QName text is bound to, seen from {@code e} alone. */
  private static String resolve(Element e, String answer) {
    String text = e.getTextContent().trim();
    String prefix = text.contains(":") ? text.substring(0, text.indexOf(':')) : null;
    String ns = e.lookupNamespaceURI(prefix);
    assertNotNull(ns, "prefix of " + text + " not declared within s:Fault: " + answer);
    return ns;
  }

  private static Element detachedFault(String answer) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    DocumentBuilder builder = factory.newDocumentBuilder();
    Document doc = builder.parse(new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)));
    Element fault = null;
    for (String ns : new String[] {NetDuplex.SOAP11_NS, NetDuplex.SOAP12_NS}) {
      NodeList found = doc.getElementsByTagNameNS(ns, "Fault");
      if (found.getLength() == 1) {
        fault = (Element) found.item(0);
      }
    }
    assertNotNull(fault, answer);
    Document alone = builder.newDocument();
    Node copy = alone.importNode(fault, true);
    alone.appendChild(copy);
    return (Element) copy;
  }

  private static List<Element> elements(Element root, String ns, String local) {
    List<Element> found = new ArrayList<>();
    NodeList all = root.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (local.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI() == null ? "" : e.getNamespaceURI())) {
        found.add(e);
      }
    }
    return found;
  }

  private static String post(DuplexTestServer server, boolean soap12, boolean binary, String action, String header,
      String body) throws Exception {
    String envelope = soap12
        ? "<s:Envelope xmlns:s=\"" + NetDuplex.SOAP12_NS + "\" xmlns:a=\"" + NetDuplex.WSA_NS + "\"><s:Header>"
            + "<a:Action s:mustUnderstand=\"1\">" + action + "</a:Action><a:MessageID>urn:uuid:" + UUID.randomUUID()
            + "</a:MessageID><a:To s:mustUnderstand=\"1\">" + server.address + "</a:To>" + header
            + "</s:Header><s:Body>" + body + "</s:Body></s:Envelope>"
        : WireClient.envelope(header, body);
    HttpRequest.Builder request = HttpRequest.newBuilder(server.address);
    if (binary) {
      request.header("Content-Type", Msbin.CONTENT_TYPE).POST(HttpRequest.BodyPublishers.ofByteArray(Msbin.fromText(envelope)));
    } else if (soap12) {
      request.header("Content-Type", "application/soap+xml; charset=utf-8; action=\"" + action + "\"")
          .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8));
    } else {
      request.header("Content-Type", "text/xml; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(envelope));
    }
    if (!soap12) {
      request.header("SOAPAction", "\"" + action + "\"");
    }
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(500, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    return binary ? Msbin.toText(r.body()) : new String(r.body(), StandardCharsets.UTF_8);
  }
}
