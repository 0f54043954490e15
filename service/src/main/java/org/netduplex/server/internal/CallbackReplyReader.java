package org.netduplex.server.internal;

import jakarta.xml.bind.JAXBException;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.netduplex.core.NetDuplex;
import org.netduplex.core.internal.CallbackOperations;
import org.netduplex.core.internal.CallbackOperations.DeclaredFault;
import org.netduplex.core.internal.SoapFaultXml;
import org.netduplex.server.CallbackFaultException;

/**
 * Reads the body of a client's answer to a two-way callback: the operation's reply element becomes
 * its return value; a SOAP fault (1.1 or 1.2) whose detail is a declared fault becomes that
 * exception, any other fault a {@link CallbackFaultException}.
 */
public final class CallbackReplyReader {
  private CallbackReplyReader() {}

  /** What the answer says: a value, or the exception the waiting call throws. */
  public record Answer(Object value, Exception error) {}

  /**
   * Reads from {@code r} positioned on the first body element (or the end of an empty body).
   *
   * @throws IllegalArgumentException when the body is neither the reply element nor a fault
   */
  public static Answer read(XMLStreamReader r, PendingCallbackReplies.Pending pending) throws XMLStreamException {
    CallbackOperations.Operation op = pending.operation();
    CallbackOperations.Reply reply = op.reply();
    if (!r.isStartElement()) {
      throw new IllegalArgumentException("the answer to " + op.name() + " has an empty body");
    }
    boolean fault = "Fault".equals(r.getLocalName())
        && (NetDuplex.SOAP11_NS.equals(r.getNamespaceURI()) || NetDuplex.SOAP12_NS.equals(r.getNamespaceURI()));
    if (fault) {
      return readFault(r, pending);
    }
    if (!reply.element().equals(r.getName())) {
      throw new IllegalArgumentException("the answer to " + op.name() + " is " + r.getName() + ", not " + reply.element());
    }
    return new Answer(unmarshal(r, reply.type(), pending.contract(), op.name()), null);
  }

  private static Answer readFault(XMLStreamReader r, PendingCallbackReplies.Pending pending) throws XMLStreamException {
    QName code = null;
    String reason = "";
    Exception declared = null;
    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
      switch (r.getLocalName()) {
        case "faultcode" -> code = SoapFaultXml.qnameText(r);
        case "Code" -> code = SoapFaultXml.code12(r);
        case "faultstring" -> reason = r.getElementText().trim();
        case "Reason" -> reason = SoapFaultXml.reason12(r);
        case "detail", "Detail" -> declared = readDetail(r, pending, reason);
        default -> SoapFaultXml.skip(r);
      }
    }
    if (declared != null) {
      return new Answer(null, declared);
    }
    return new Answer(null, new CallbackFaultException(pending.operation().name(), pending.session(), code, reason));
  }

  /** The first detail element as a declared fault's exception, or null if it is none of them. */
  private static Exception readDetail(XMLStreamReader r, PendingCallbackReplies.Pending pending, String reason)
      throws XMLStreamException {
    Exception declared = null;
    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
      DeclaredFault fault = declared == null ? pending.operation().reply().fault(r.getName()) : null;
      if (fault == null) {
        SoapFaultXml.skip(r);
        continue;
      }
      Object info = unmarshal(r, fault.infoType(), pending.contract(), pending.operation().name());
      try {
        declared = fault.create(reason, info);
      } catch (IllegalStateException e) {
        throw new IllegalArgumentException("the declared fault of " + pending.operation().name()
            + " cannot be rebuilt: " + e.getMessage(), e);
      }
    }
    return declared;
  }

  private static Object unmarshal(XMLStreamReader r, Class<?> type, CallbackOperations contract, String operation) {
    try {
      return contract.context().createUnmarshaller().unmarshal(r, type).getValue();
    } catch (JAXBException | RuntimeException e) {
      throw new IllegalArgumentException("the answer to " + operation + " does not decode: " + e, e);
    }
  }

}
