package org.netduplex.server.internal.cxf;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.MustUnderstandInterceptor;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageUtils;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.apache.cxf.ws.addressing.AddressingProperties;
import org.apache.cxf.ws.addressing.ContextUtils;
import org.netduplex.server.internal.DuplexEngine;
import org.netduplex.server.internal.DuplexFault;
import org.netduplex.server.internal.RealDuplexSession;

/**
 * Accepts a request-reply call of a session in SOAP 1.2 + WS-Addressing as WCF's polling duplex
 * does: its POST is answered {@code 200} with an empty body before the operation runs, as every
 * client-to-server message is (docs/protocol.md, "Request-reply operations"), and the exchange is
 * marked so that {@link PolledReplyInterceptor} queues the reply for the session's polls. The
 * operation then runs on this thread, in the order the client sent its calls. A call whose reply
 * would find the session's queue full is refused here, on its own answer, before it runs. It runs
 * after the body was read and the headers checked, so a call that cannot run still gets its fault.
 */
public final class TwoWayAcceptInterceptor extends AbstractPhaseInterceptor<Message> {
  /** Exchange key: the request's MessageID, whose reply goes to the session's polls. */
  static final String REPLY_ON_POLL = TwoWayAcceptInterceptor.class.getName() + ".relatesTo";

  private final DuplexEngine engine;

  public TwoWayAcceptInterceptor(DuplexEngine engine) {
    super(Phase.PRE_LOGICAL);
    addAfter("org.apache.cxf.ws.addressing.MAPAggregator");
    addAfter(MustUnderstandInterceptor.MustUnderstandEndingInterceptor.class.getName());
    this.engine = engine;
  }

  @Override
  public void handleMessage(Message message) {
    Exchange exchange = message.getExchange();
    RealDuplexSession session = exchange.get(RealDuplexSession.class);
    if (MessageUtils.isRequestor(message) || session == null || exchange.isOneWay()
        || !(message instanceof SoapMessage soap) || soap.getVersion() != Soap12.getInstance()) {
      return;
    }
    AddressingProperties maps = ContextUtils.retrieveMAPs(message, false, false, false);
    String messageId = maps == null || maps.getMessageID() == null ? null : maps.getMessageID().getValue();
    if (messageId == null || messageId.isEmpty()) {
      return; // WS-Addressing refuses it already; nothing could correlate a reply on a poll
    }
    if (!engine.hasRoomForReply(session)) {
      throw DuplexFaults.toSoapFault(new DuplexFault(DuplexFault.Kind.REPLY_QUEUE_FULL,
          "The session's queue of messages for its polls is full: the call's reply would have no room"),
          soap.getVersion());
    }
    exchange.put(REPLY_ON_POLL, messageId);
    HttpServletResponse response = (HttpServletResponse) message.get(AbstractHTTPDestination.HTTP_RESPONSE);
    if (response != null) {
      PollResponseWriter.writeEmpty(response);
    }
  }
}
