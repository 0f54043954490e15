package org.netduplex.server.internal.cxf;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.interceptor.MessageSenderInterceptor;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageUtils;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.apache.cxf.ws.addressing.AddressingProperties;
import org.apache.cxf.ws.addressing.ContextUtils;
import org.netduplex.msbin.Msbin;
import org.netduplex.msbin.cxf.MsbinInInterceptor;
import org.netduplex.server.CallbackQueueFullException;
import org.netduplex.server.SessionEndedException;
import org.netduplex.server.internal.CallbackMessage;
import org.netduplex.server.internal.DuplexEngine;
import org.netduplex.server.internal.DuplexFault;
import org.netduplex.server.internal.LogIds;
import org.netduplex.server.internal.RealDuplexSession;

/**
 * Sends the reply of a request-reply operation (its result or its fault) the way WCF's polling
 * duplex does in SOAP 1.2 + WS-Addressing: queued for the calling session and delivered on a poll,
 * with {@code wsa:RelatesTo} the request's {@code wsa:MessageID}, while the request's own POST is
 * answered {@code 200} with an empty body (docs/protocol.md, "Request-reply operations"). CXF
 * writes the reply as usual, into a buffer that stands in for the HTTP response; the buffered
 * envelope becomes the queued message. A request without a {@code wsa:MessageID}, a SOAP 1.1
 * request, or a refusal of the engine (no session to queue to) is answered on the HTTP response
 * as before. A reply that cannot be queued (the session's queue is full, or the session ended)
 * turns that HTTP answer into a fault saying so.
 */
public final class PolledReplyInterceptor extends AbstractPhaseInterceptor<Message> {
  private static final Logger LOG = Logger.getLogger(PolledReplyInterceptor.class.getName());

  private final DuplexEngine engine;

  public PolledReplyInterceptor(DuplexEngine engine) {
    super(Phase.PREPARE_SEND);
    addAfter(MessageSenderInterceptor.class.getName());
    this.engine = engine;
  }

  @Override
  public void handleMessage(Message message) {
    Exchange exchange = message.getExchange();
    RealDuplexSession session = exchange.get(RealDuplexSession.class);
    if (MessageUtils.isRequestor(message) || session == null || exchange.isOneWay()
        || !(exchange.getInMessage() instanceof SoapMessage request) || request.getVersion() != Soap12.getInstance()
        || (message.getContent(Exception.class) instanceof Fault f && f.getCause() instanceof DuplexFault)) {
      return;
    }
    AddressingProperties maps = ContextUtils.retrieveMAPs(request, false, false, false);
    String messageId = maps == null || maps.getMessageID() == null ? null : maps.getMessageID().getValue();
    if (messageId == null || messageId.isEmpty()) {
      return;
    }
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    message.setContent(OutputStream.class, buffer);
    message.getInterceptorChain().add(new Ending(engine, session, messageId, buffer));
  }

  /** Takes the written reply, queues it and answers the POST; runs before CXF closes the stream. */
  static final class Ending extends AbstractPhaseInterceptor<Message> {
    private final DuplexEngine engine;
    private final RealDuplexSession session;
    private final String messageId;
    private final ByteArrayOutputStream buffer;

    Ending(DuplexEngine engine, RealDuplexSession session, String messageId, ByteArrayOutputStream buffer) {
      super(Phase.PREPARE_SEND_ENDING);
      addBefore("org.apache.cxf.interceptor.MessageSenderInterceptor$MessageSenderEndingInterceptor");
      this.engine = engine;
      this.session = session;
      this.messageId = messageId;
      this.buffer = buffer;
    }

    @Override
    public void handleMessage(Message message) {
      Exchange exchange = message.getExchange();
      boolean binary = Boolean.TRUE.equals(exchange.get(MsbinInInterceptor.BINARY_REQUEST));
      HttpServletResponse response =
          (HttpServletResponse) exchange.getInMessage().get(AbstractHTTPDestination.HTTP_RESPONSE);
      CallbackMessage reply;
      try {
        byte[] written = buffer.toByteArray();
        byte[] text = binary ? Msbin.toText(written).getBytes(StandardCharsets.UTF_8) : written;
        reply = ReplyEnvelope.read(text, messageId);
      } catch (XMLStreamException e) {
        // Our own stack wrote it: this is a bug, not bad input.
        LOG.log(Level.SEVERE, "The reply CXF wrote could not be read back", e);
        refuse(response, binary, "Receiver", "InternalError", "The reply could not be queued");
        return;
      }
      try {
        engine.send(session, reply);
      } catch (CallbackQueueFullException e) {
        LOG.info(() -> "Reply refused for session " + LogIds.forLog(LOG, session.id()) + ": " + e.getMessage());
        refuse(response, binary, "Receiver", "CallbackQueueFull",
            "The reply could not be queued: the session's queue of messages for its polls is full");
        return;
      } catch (SessionEndedException e) {
        LOG.info(() -> "Reply dropped: session " + LogIds.forLog(LOG, session.id()) + " ended during the call");
        refuse(response, binary, "Sender", "SessionEnded", "The duplex session ended before its reply was queued");
        return;
      }
      if (response != null) {
        PollResponseWriter.writeEmpty(response);
      }
    }

    private void refuse(HttpServletResponse response, boolean binary, String code, String subcode, String reason) {
      if (response == null) {
        return;
      }
      byte[] text = ReplyFaults.soap12(messageId, code, subcode, reason);
      try {
        byte[] body = binary ? Msbin.fromText(new String(text, StandardCharsets.UTF_8)) : text;
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        response.setContentType(binary ? Msbin.CONTENT_TYPE : "application/soap+xml; charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
      } catch (IOException | XMLStreamException e) {
        LOG.fine(() -> "Refusal of a reply not written: " + e);
      }
    }
  }
}
