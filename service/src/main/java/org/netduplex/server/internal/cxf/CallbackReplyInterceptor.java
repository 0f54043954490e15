package org.netduplex.server.internal.cxf;

import jakarta.servlet.http.HttpServletResponse;
import java.util.logging.Logger;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.netduplex.core.NetDuplex;
import org.netduplex.server.CallbackFaultException;
import org.netduplex.server.internal.front.MakeConnectionReader;
import org.netduplex.server.internal.CallbackReplyReader;
import org.netduplex.server.internal.DuplexEngine;
import org.netduplex.server.internal.DuplexFault;
import org.netduplex.server.internal.LogIds;
import org.netduplex.server.internal.PendingCallbackReplies;
import org.w3c.dom.Element;

/**
 * A client's answer to a two-way callback (a NetDuplex extension, docs/protocol.md section 13): a
 * message with {@code wsa:RelatesTo} (SOAP 1.2) or {@code netdx:RelatesTo} (SOAP 1.1). It is never
 * dispatched to the service: it completes the waiting call and is answered {@code 200} empty; one
 * naming no waiting request is late, dropped and counted. Runs before the session's
 * resolution and operation dispatch, since an answer is no service call.
 */
public final class CallbackReplyInterceptor extends AbstractSoapInterceptor {
  private static final Logger LOG = Logger.getLogger(CallbackReplyInterceptor.class.getName());
  static final QName WSA_RELATES_TO = new QName(NetDuplex.WSA_NS, "RelatesTo");
  static final QName NETDX_RELATES_TO = new QName(NetDuplex.NETDX_NS, "RelatesTo");

  private final DuplexEngine engine;

  public CallbackReplyInterceptor(DuplexEngine engine) {
    super(Phase.PRE_PROTOCOL);
    addBefore(DuplexInInterceptor.class.getName());
    // After WS-Addressing read the headers, so a refusal's fault is addressed like any other.
    addAfter("org.apache.cxf.ws.addressing.soap.MAPCodec");
    this.engine = engine;
  }

  @Override
  public void handleMessage(SoapMessage message) {
    String relatesTo = relatesTo(message);
    if (relatesTo == null) {
      return;
    }
    try {
      complete(message, relatesTo);
    } catch (DuplexFault f) {
      throw DuplexFaults.toSoapFault(f, message.getVersion());
    } catch (XMLStreamException e) {
      throw new SoapFault("Malformed callback answer: " + e.getMessage(), e, message.getVersion().getSender());
    }
    PollResponseWriter.writeEmpty((HttpServletResponse) message.get(AbstractHTTPDestination.HTTP_RESPONSE));
    message.getInterceptorChain().abort();
  }

  private void complete(SoapMessage message, String relatesTo) throws XMLStreamException {
    PendingCallbackReplies replies = engine.callbackReplies();
    PendingCallbackReplies.Pending pending = replies.find(relatesTo);
    if (pending == null) {
      replies.lateAnswer();
      LOG.fine(() -> "Dropped a late answer to callback request " + LogIds.brief(relatesTo));
      return;
    }
    DuplexHeaderReader.CallHeader header = DuplexHeaderReader.read(message);
    if (header == null || !header.identity().equals(pending.session().header())) {
      throw new DuplexFault(DuplexFault.Kind.MALFORMED_CALLBACK_REPLY,
          "An answer to a callback request must carry the netdx:Duplex header of the session it was sent to");
    }
    XMLStreamReader reader = message.getContent(XMLStreamReader.class);
    MakeConnectionReader.atMakeConnection(reader); // moves to the first body element
    CallbackReplyReader.Answer answer;
    try {
      answer = CallbackReplyReader.read(reader, pending);
    } catch (IllegalArgumentException e) {
      // The caller learns why its call failed; the client learns its answer was refused.
      replies.fail(pending, new CallbackFaultException(pending.operation().name(), pending.session(), null, e.getMessage()));
      throw new DuplexFault(DuplexFault.Kind.MALFORMED_CALLBACK_REPLY, "Refused the answer: " + e.getMessage());
    }
    if (answer.error() != null) {
      replies.fail(pending, answer.error());
    } else {
      replies.complete(pending, answer.value());
    }
  }

  private static String relatesTo(SoapMessage message) {
    for (Header h : message.getHeaders()) {
      if ((WSA_RELATES_TO.equals(h.getName()) || NETDX_RELATES_TO.equals(h.getName())) && h.getObject() instanceof Element e) {
        return e.getTextContent().trim();
      }
    }
    return null;
  }
}
