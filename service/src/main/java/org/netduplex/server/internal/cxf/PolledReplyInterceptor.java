package org.netduplex.server.internal.cxf;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.interceptor.MessageSenderInterceptor;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageUtils;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.netduplex.msbin.Msbin;
import org.netduplex.msbin.cxf.MsbinInInterceptor;
import org.netduplex.server.SessionEndedException;
import org.netduplex.server.internal.DuplexEngine;
import org.netduplex.server.internal.LogIds;
import org.netduplex.server.internal.RealDuplexSession;

/**
 * Sends the reply of a call {@link TwoWayAcceptInterceptor} accepted (its result or its fault) the
 * way WCF's polling duplex does: queued for the calling session and delivered on a poll, with
 * {@code wsa:RelatesTo} the request's {@code wsa:MessageID}. CXF writes the reply as usual (the
 * action, the fault mapping, msbin1 for a binary request), into a buffer that stands in for the
 * HTTP response, which was already answered; the buffered envelope becomes the queued message and
 * is written on the poll in the poll's own encoding.
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
    String relatesTo = (String) exchange.get(TwoWayAcceptInterceptor.REPLY_ON_POLL);
    RealDuplexSession session = exchange.get(RealDuplexSession.class);
    if (relatesTo == null || session == null || MessageUtils.isRequestor(message)) {
      return;
    }
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    message.setContent(OutputStream.class, buffer);
    message.getInterceptorChain().add(new Ending(engine, session, relatesTo, buffer));
  }

  /** Takes the written reply and queues it; runs before CXF closes the (buffer) stream. */
  static final class Ending extends AbstractPhaseInterceptor<Message> {
    private final DuplexEngine engine;
    private final RealDuplexSession session;
    private final String relatesTo;
    private final ByteArrayOutputStream buffer;

    Ending(DuplexEngine engine, RealDuplexSession session, String relatesTo, ByteArrayOutputStream buffer) {
      super(Phase.PREPARE_SEND_ENDING);
      addBefore(MessageSenderInterceptor.MessageSenderEndingInterceptor.class.getName());
      this.engine = engine;
      this.session = session;
      this.relatesTo = relatesTo;
      this.buffer = buffer;
    }

    @Override
    public void handleMessage(Message message) {
      boolean binary = Boolean.TRUE.equals(message.getExchange().get(MsbinInInterceptor.BINARY_REQUEST));
      try {
        byte[] written = buffer.toByteArray();
        byte[] text = binary ? Msbin.toText(written).getBytes(StandardCharsets.UTF_8) : written;
        engine.sendReply(session, ReplyEnvelope.read(text, relatesTo));
      } catch (XMLStreamException e) {
        // Our own stack wrote it: a bug, not bad input. The caller sees its reply timeout.
        LOG.severe("The reply CXF wrote for session " + LogIds.forLog(LOG, session.id())
            + " could not be read back; dropped: " + e.getMessage());
      } catch (SessionEndedException e) {
        LOG.fine(() -> "Reply dropped: session " + session.id() + " ended during the call");
      }
    }
  }
}
