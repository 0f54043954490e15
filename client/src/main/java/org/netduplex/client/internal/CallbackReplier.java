package org.netduplex.client.internal;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.logging.Logger;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import org.netduplex.client.WireFormat;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.NetDuplex;
import org.netduplex.core.internal.CallbackOperations;
import org.netduplex.core.internal.CallbackOperations.DeclaredFault;
import org.netduplex.core.internal.CallbackOperations.Operation;
import org.netduplex.core.internal.Xml;
import org.netduplex.msbin.Msbin;

/**
 * Answers a two-way callback request (a NetDuplex extension, docs/protocol.md section 13): POSTs the
 * callback method's return value, or its fault, to the service with {@code RelatesTo} the request's
 * MessageID, in the session's wire format. Best effort: an answer that cannot be sent is logged,
 * and the server's call times out.
 */
public final class CallbackReplier {
  private static final Logger LOG = Logger.getLogger(CallbackReplier.class.getName());

  private final URI endpoint;
  private final DuplexHeader identity;
  private final WireFormat format;
  private final HttpClient http;
  private final Duration timeout;
  private final CallbackOperations operations;

  public CallbackReplier(URI endpoint, DuplexHeader identity, WireFormat format, HttpClient http, Duration timeout,
      Class<?> contract) {
    this.endpoint = endpoint;
    this.identity = identity;
    this.format = format;
    this.http = http;
    this.timeout = timeout;
    this.operations = CallbackOperations.of(contract);
  }

  /** Sends {@code value}, what the callback method returned, as the answer to {@code messageId}. */
  public void answer(Operation op, String messageId, Object value) {
    String body;
    try {
      body = marshal(op.reply().element(), op.reply().type(), value);
    } catch (JAXBException | RuntimeException e) {
      fail(op, messageId, new IllegalStateException("its return value does not encode: " + e.getMessage(), e));
      return;
    }
    send(op, messageId, body);
  }

  /**
   * Sends {@code error}, what the callback method threw, as a fault answering {@code messageId}: a
   * declared fault with its detail, anything else with its type and message only.
   */
  public void fail(Operation op, String messageId, Throwable error) {
    DeclaredFault declared = op.reply().fault(error);
    String reason;
    String detail = "";
    if (declared != null) {
      reason = error.getMessage() == null ? declared.element().getLocalPart() : error.getMessage();
      try {
        detail = marshal(declared.element(), declared.infoType(), declared.info(error));
      } catch (JAXBException | RuntimeException e) {
        reason = reason + " (its detail does not encode: " + e.getMessage() + ")";
      }
    } else {
      reason = op.name() + " threw " + error.getClass().getSimpleName()
          + (error.getMessage() == null ? "" : ": " + error.getMessage());
    }
    send(op, messageId, format.isSoap12() ? fault12(reason, detail) : fault11(reason, detail));
  }

  private void send(Operation op, String messageId, String body) {
    WireMessages.Outgoing message;
    try {
      message = envelope(op.reply().action(), messageId, body);
    } catch (RuntimeException e) {
      LOG.warning(() -> "The answer to callback " + op.name() + " does not encode: " + e.getMessage());
      return;
    }
    http.sendAsync(message.request(endpoint, timeout), HttpResponse.BodyHandlers.discarding())
        .whenComplete((response, error) -> {
          if (error != null) {
            LOG.warning(() -> "The answer to callback " + op.name() + " was not sent: " + error);
          } else if (response.statusCode() != 200) {
            LOG.warning(() -> "The server refused the answer to callback " + op.name() + " with HTTP "
                + response.statusCode());
          }
        });
  }

  private String marshal(QName element, Class<?> type, Object value) throws JAXBException {
    Marshaller marshaller = operations.context().createMarshaller();
    marshaller.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
    StringWriter out = new StringWriter();
    marshal(marshaller, element, type, value, out);
    return out.toString();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void marshal(Marshaller m, QName element, Class<?> type, Object value, StringWriter out)
      throws JAXBException {
    m.marshal(new JAXBElement(element, type, value), out);
  }

  private static String fault11(String reason, String detail) {
    return "<s:Fault><faultcode>s:Server</faultcode><faultstring xml:lang=\"en-US\">" + Xml.escape(reason)
        + "</faultstring>" + (detail.isEmpty() ? "" : "<detail>" + detail + "</detail>") + "</s:Fault>";
  }

  private static String fault12(String reason, String detail) {
    return "<s:Fault><s:Code><s:Value>s:Receiver</s:Value></s:Code><s:Reason><s:Text xml:lang=\"en-US\">"
        + Xml.escape(reason) + "</s:Text></s:Reason>" + (detail.isEmpty() ? "" : "<s:Detail>" + detail + "</s:Detail>")
        + "</s:Fault>";
  }

  /**
   * The answer's envelope: the session's {@code netdx:Duplex} and {@code RelatesTo} (WS-Addressing's
   * in SOAP 1.2, {@code netdx:RelatesTo} in SOAP 1.1), with the operation's reply action.
   */
  private WireMessages.Outgoing envelope(String action, String relatesTo, String body) {
    String duplex = "<netdx:Duplex xmlns:netdx=\"" + NetDuplex.NETDX_NS + "\">"
        + "<netdx:Address>" + Xml.escape(identity.address()) + "</netdx:Address>"
        + "<netdx:SessionId>" + Xml.escape(identity.sessionId()) + "</netdx:SessionId></netdx:Duplex>";
    if (format == WireFormat.SOAP11_TEXT) {
      String text = "<s:Envelope xmlns:s=\"" + NetDuplex.SOAP11_NS + "\"><s:Header>" + duplex
          + "<netdx:RelatesTo xmlns:netdx=\"" + NetDuplex.NETDX_NS + "\">" + Xml.escape(relatesTo) + "</netdx:RelatesTo>"
          + "</s:Header><s:Body>" + body + "</s:Body></s:Envelope>";
      return new WireMessages.Outgoing(text.getBytes(StandardCharsets.UTF_8), "text/xml; charset=utf-8",
          "\"" + action + "\"");
    }
    String text = "<s:Envelope xmlns:s=\"" + NetDuplex.SOAP12_NS + "\" xmlns:a=\"" + NetDuplex.WSA_NS + "\"><s:Header>"
        + "<a:Action>" + Xml.escape(action) + "</a:Action>"
        + "<a:RelatesTo>" + Xml.escape(relatesTo) + "</a:RelatesTo>"
        + "<a:To>" + Xml.escape(endpoint.toString()) + "</a:To>" + duplex
        + "</s:Header><s:Body>" + body + "</s:Body></s:Envelope>";
    if (format == WireFormat.SOAP12_BINARY) {
      try {
        return new WireMessages.Outgoing(Msbin.fromText(text), Msbin.CONTENT_TYPE, null);
      } catch (XMLStreamException e) {
        throw new IllegalStateException("not encodable as msbin1: " + e.getMessage(), e);
      }
    }
    return new WireMessages.Outgoing(text.getBytes(StandardCharsets.UTF_8),
        "application/soap+xml; charset=utf-8; action=\"" + action + "\"", null);
  }
}
