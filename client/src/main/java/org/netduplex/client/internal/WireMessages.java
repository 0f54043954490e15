package org.netduplex.client.internal;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.netduplex.client.WireFormat;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.NetDuplex;
import org.netduplex.core.internal.SafeXml;
import org.netduplex.core.internal.Soap11Envelopes;
import org.netduplex.core.internal.Xml;
import org.netduplex.msbin.Msbin;
import org.netduplex.msbin.MsbinLimits;

/**
 * The messages a client writes itself (the poll, the session close) and the parser of what comes
 * back, in one {@link WireFormat}: SOAP 1.1 text as captured, or SOAP 1.2 + WS-Addressing as text
 * or .NET binary. Service calls go through CXF, configured for the same format.
 */
public final class WireMessages {
  private static final String SOAP11_CONTENT_TYPE = "text/xml; charset=utf-8";

  private final WireFormat format;
  private final URI endpoint;
  private final MsbinLimits binaryLimits;

  /** One message to POST: its body and headers. {@code soapAction} is null where SOAP 1.2 carries the action. */
  public record Outgoing(byte[] body, String contentType, String soapAction) {
    /** A request builder for this message, without {@code Accept}; add headers, then build. */
    public HttpRequest.Builder requestBuilder(URI endpoint, Duration timeout) {
      HttpRequest.Builder b = HttpRequest.newBuilder(endpoint)
          .timeout(timeout)
          .header("Content-Type", contentType)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      if (soapAction != null) {
        b.header("SOAPAction", soapAction);
      }
      return b;
    }

    public HttpRequest request(URI endpoint, Duration timeout) {
      return requestBuilder(endpoint, timeout).build();
    }
  }

  public WireMessages(WireFormat format, URI endpoint, int maxResponseBytes) {
    this.format = format;
    this.endpoint = endpoint;
    this.binaryLimits = MsbinLimits.DEFAULTS.withMaxTotalBytes(maxResponseBytes);
  }

  public WireFormat format() {
    return format;
  }

  /** A {@code wsmc:MakeConnection} poll for {@code address} (capture C in SOAP 1.1). */
  public Outgoing poll(String address) {
    return poll(address, null);
  }

  /** As {@link #poll(String)}, with {@code headers} (XML, null for none): an acking client's {@code nda:Ack}. */
  public Outgoing poll(String address, String headers) {
    if (format == WireFormat.SOAP11_TEXT) {
      return new Outgoing(Soap11Envelopes.makeConnection(address, headers), SOAP11_CONTENT_TYPE,
          "\"" + NetDuplex.MAKE_CONNECTION_ACTION + "\"");
    }
    String body = "<wsmc:MakeConnection xmlns:wsmc=\"" + NetDuplex.WSMC_NS + "\">"
        + "<wsmc:Address>" + Xml.escape(address) + "</wsmc:Address></wsmc:MakeConnection>";
    return soap12(NetDuplex.MAKE_CONNECTION_ACTION, headers == null ? "" : headers, body);
  }

  /**
   * The session close: an empty body whose {@code netdx:Duplex} header carries
   * {@code netdx:CloseSession} (docs/protocol.md section 4.1; its action is not documented, so the
   * SOAP 1.1 form has an empty SOAPAction and the SOAP 1.2 form no {@code wsa:Action}).
   */
  public Outgoing closeSession(DuplexHeader identity) {
    return closeSession(identity, null);
  }

  /**
   * As {@link #closeSession(DuplexHeader)}, with {@code headers} (XML, null for none) after
   * {@code netdx:Duplex}: an acking client's {@code nda:Ack}, so what it received before closing
   * counts delivered and the half-closed session can end at once (docs/protocol.md section 15).
   */
  public Outgoing closeSession(DuplexHeader identity, String headers) {
    String duplex = "<netdx:Duplex xmlns:netdx=\"" + NetDuplex.NETDX_NS + "\">"
        + "<netdx:Address>" + Xml.escape(identity.address()) + "</netdx:Address>"
        + "<netdx:SessionId>" + Xml.escape(identity.sessionId()) + "</netdx:SessionId>"
        + "<netdx:CloseSession/></netdx:Duplex>" + (headers == null ? "" : headers);
    if (format == WireFormat.SOAP11_TEXT) {
      return new Outgoing(("<s:Envelope xmlns:s=\"" + NetDuplex.SOAP11_NS + "\"><s:Header>" + duplex
          + "</s:Header><s:Body/></s:Envelope>").getBytes(StandardCharsets.UTF_8), SOAP11_CONTENT_TYPE, "\"\"");
    }
    return soap12(null, duplex, "");
  }

  /**
   * A hardened parser of an answer body. Binary answers are read as binary whatever the format
   * (a server answers in its own encoding when it errs); text through the hardened text parser.
   */
  public XMLStreamReader reader(byte[] body, String responseContentType) throws XMLStreamException {
    if (Msbin.isMsbin(responseContentType)) {
      return Msbin.reader(body, binaryLimits);
    }
    return SafeXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(body));
  }

  /** A SOAP 1.2 message as WCF addresses one: {@code wsa:Action} (when known) and {@code wsa:To} the endpoint. */
  private Outgoing soap12(String action, String extraHeaders, String body) {
    byte[] text = ("<s:Envelope xmlns:s=\"" + NetDuplex.SOAP12_NS + "\" xmlns:a=\"" + NetDuplex.WSA_NS + "\"><s:Header>"
        + (action == null ? "" : "<a:Action s:mustUnderstand=\"1\">" + Xml.escape(action) + "</a:Action>")
        + "<a:To s:mustUnderstand=\"1\">" + Xml.escape(endpoint.toString()) + "</a:To>" + extraHeaders
        + "</s:Header><s:Body>" + body + "</s:Body></s:Envelope>").getBytes(StandardCharsets.UTF_8);
    if (format == WireFormat.SOAP12_BINARY) {
      return new Outgoing(toBinary(text), Msbin.CONTENT_TYPE, null);
    }
    String contentType = "application/soap+xml; charset=utf-8" + (action == null ? "" : "; action=\"" + action + "\"");
    return new Outgoing(text, contentType, null);
  }

  private static byte[] toBinary(byte[] text) {
    try {
      return Msbin.fromText(new String(text, StandardCharsets.UTF_8));
    } catch (XMLStreamException e) {
      throw new IllegalStateException("a message of our own does not encode as msbin1: " + e, e);
    }
  }
}
