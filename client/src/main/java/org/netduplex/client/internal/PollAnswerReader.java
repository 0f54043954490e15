package org.netduplex.client.internal;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.NetDuplex;
import org.netduplex.core.internal.DeliveryHeaders;
import org.netduplex.core.internal.SoapFaultXml;

/**
 * Reads a poll answer's envelope (SOAP 1.1 or 1.2, text or binary) in one streaming pass with a hardened parser:
 * the {@code netdx:Duplex} header must name this client's session, then the body is either a fault
 * or a callback message decoded by the {@link CallbackDispatcher}. An envelope with
 * {@code wsa:RelatesTo} is the reply to a request-reply call (a result or a fault): it is handed on
 * whole, for CXF to decode as that call's response.
 */
public final class PollAnswerReader {
  private final DuplexHeader expected;
  private final CallbackDispatcher dispatcher;
  private final WireMessages wire;

  public PollAnswerReader(DuplexHeader expected, CallbackDispatcher dispatcher, WireMessages wire) {
    this.expected = expected;
    this.dispatcher = dispatcher;
    this.wire = wire;
  }

  /** @throws RejectedMessageException when the bytes are not a callback or fault for this session */
  public PollAnswer read(byte[] body, String contentType) {
    XMLStreamReader r = null;
    try {
      r = wire.reader(body, contentType);
      return readEnvelope(r, body, contentType);
    } catch (XMLStreamException e) {
      throw new RejectedMessageException((org.netduplex.msbin.Msbin.isMsbin(contentType) ? "not a valid binary message: "
          : "not well-formed XML: ") + CallbackDispatcher.rootMessage(e), e);
    } finally {
      close(r);
    }
  }

  private PollAnswer readEnvelope(XMLStreamReader r, byte[] body, String contentType) throws XMLStreamException {
    r.nextTag();
    String soapNs = r.getNamespaceURI();
    if (!"Envelope".equals(r.getLocalName())
        || !(NetDuplex.SOAP11_NS.equals(soapNs) || NetDuplex.SOAP12_NS.equals(soapNs))) {
      throw new RejectedMessageException("not a SOAP envelope: " + r.getName(), null);
    }
    Headers headers = new Headers();
    r.nextTag();
    if (isSoap(r, soapNs, "Header")) {
      readHeaders(r, headers);
      r.nextTag();
    }
    try {
      return readBody(r, soapNs, headers, body, contentType);
    } catch (RejectedMessageException e) {
      throw e.numbered(headers.sequence); // still acknowledged, or it would come back forever
    }
  }

  private PollAnswer readBody(XMLStreamReader r, String soapNs, Headers headers, byte[] body, String contentType)
      throws XMLStreamException {
    if (!isSoap(r, soapNs, "Body")) {
      throw new RejectedMessageException("the envelope has no Body", null);
    }
    if (headers.relatesTo != null) {
      checkSession(headers.duplex);
      return PollAnswer.reply(new PolledReply(headers.relatesTo, body, contentType), headers.messageId,
          headers.messagePending, headers.sequence);
    }
    r.nextTag();
    if (r.isStartElement() && isSoap(r, soapNs, "Fault")) {
      return PollAnswer.fault(NetDuplex.SOAP11_NS.equals(soapNs) ? readFault11(r) : readFault12(r));
    }
    checkSession(headers.duplex);
    QName element = r.isStartElement() ? r.getName() : null;
    CallbackDispatcher.Invocation invocation = dispatcher.decode(r, element, headers.action);
    return PollAnswer.callback(invocation, headers.messageId, headers.messagePending, headers.sequence);
  }

  private void checkSession(DuplexHeader actual) {
    if (actual == null) {
      throw new RejectedMessageException("a callback without a netdx:Duplex header", null);
    }
    if (!expected.sessionId().equals(actual.sessionId())) {
      throw new RejectedMessageException("a callback for another session (" + abbreviate(actual.sessionId()) + ")", null);
    }
    if (!expected.address().equals(actual.address())) {
      throw new RejectedMessageException("a callback for another address", null);
    }
  }

  private static final class Headers {
    DuplexHeader duplex;
    String action;
    String messageId;
    String relatesTo;
    boolean messagePending;
    DeliverySequence sequence;
  }

  private static void readHeaders(XMLStreamReader r, Headers headers) throws XMLStreamException {
    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
      String ns = r.getNamespaceURI();
      String local = r.getLocalName();
      if (NetDuplex.NETDX_NS.equals(ns) && "Duplex".equals(local)) {
        headers.duplex = readDuplex(r);
      } else if (NetDuplex.WSA_NS.equals(ns) && "Action".equals(local)) {
        headers.action = r.getElementText().trim();
      } else if (NetDuplex.WSA_NS.equals(ns) && "RelatesTo".equals(local)) {
        headers.relatesTo = r.getElementText().trim();
      } else if ((NetDuplex.WSA_NS.equals(ns) || NetDuplex.NETDX_NS.equals(ns)) && "MessageID".equals(local)) {
        // netdx:MessageID: a SOAP 1.1 two-way callback request (docs/protocol.md section 13)
        headers.messageId = r.getElementText().trim();
      } else if (NetDuplex.DELIVERY_NS.equals(ns) && DeliveryHeaders.SEQUENCE.equals(local)) {
        headers.sequence = readSequence(r);
      } else if (NetDuplex.WSMC_NS.equals(ns) && "MessagePending".equals(local)) {
        String pending = r.getAttributeValue(null, "pending");
        headers.messagePending = "true".equals(pending) || "1".equals(pending);
        SoapFaultXml.skip(r);
      } else {
        SoapFaultXml.skip(r);
      }
    }
  }

  /** {@code nda:Sequence stream="S">n}: a number from 1 and a stream, else the message is refused. */
  private static DeliverySequence readSequence(XMLStreamReader r) throws XMLStreamException {
    String stream = r.getAttributeValue(null, DeliveryHeaders.STREAM);
    long number = DeliveryHeaders.number(r.getElementText());
    if (stream == null || stream.isEmpty() || number < 1) {
      throw new RejectedMessageException("an nda:Sequence without a stream or a number from 1", null);
    }
    return new DeliverySequence(stream, number);
  }

  private static DuplexHeader readDuplex(XMLStreamReader r) throws XMLStreamException {
    String address = null;
    String sessionId = null;
    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
      if (NetDuplex.NETDX_NS.equals(r.getNamespaceURI()) && "Address".equals(r.getLocalName())) {
        address = r.getElementText().trim();
      } else if (NetDuplex.NETDX_NS.equals(r.getNamespaceURI()) && "SessionId".equals(r.getLocalName())) {
        sessionId = r.getElementText().trim();
      } else {
        SoapFaultXml.skip(r);
      }
    }
    if (address == null || sessionId == null || address.isEmpty() || sessionId.isEmpty()) {
      throw new RejectedMessageException("a netdx:Duplex header without Address or SessionId", null);
    }
    try {
      return new DuplexHeader(address, sessionId);
    } catch (IllegalArgumentException e) {
      throw new RejectedMessageException("a malformed netdx:Duplex header: " + e.getMessage(), e);
    }
  }

  /** SOAP 1.1: {@code faultcode} (a QName) and {@code faultstring}. */
  private static SoapFaultInfo readFault11(XMLStreamReader r) throws XMLStreamException {
    QName code = new QName(NetDuplex.SOAP11_NS, "Server");
    String reason = "";
    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
      switch (r.getLocalName()) {
        case "faultcode" -> code = SoapFaultXml.qnameText(r);
        case "faultstring" -> reason = r.getElementText().trim();
        default -> SoapFaultXml.skip(r);
      }
    }
    return new SoapFaultInfo(code, reason);
  }

  /** SOAP 1.2: the innermost {@code Code/Subcode/Value}, and the first {@code Reason/Text}. */
  private static SoapFaultInfo readFault12(XMLStreamReader r) throws XMLStreamException {
    QName code = new QName(NetDuplex.SOAP12_NS, "Receiver");
    String reason = "";
    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
      switch (r.getLocalName()) {
        case "Code" -> code = readCode12(r);
        case "Reason" -> reason = SoapFaultXml.reason12(r);
        default -> SoapFaultXml.skip(r);
      }
    }
    return new SoapFaultInfo(code, reason);
  }

  private static QName readCode12(XMLStreamReader r) throws XMLStreamException {
    QName code = SoapFaultXml.code12(r);
    return code != null ? code : new QName(NetDuplex.SOAP12_NS, "Receiver");
  }

  private static boolean isSoap(XMLStreamReader r, String soapNs, String local) {
    return r.isStartElement() && soapNs.equals(r.getNamespaceURI()) && local.equals(r.getLocalName());
  }

  /** Skips the element the reader is on, leaving it on that element's end tag. */
  private static String abbreviate(String id) {
    return id.length() <= 8 ? id : id.substring(0, 8) + "…";
  }

  private static void close(XMLStreamReader r) {
    if (r != null) {
      try {
        r.close();
      } catch (XMLStreamException ignored) {
        // nothing held: the input is a byte array
      }
    }
  }
}
