package org.netduplex.server.internal.cxf;

import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageUtils;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.addressing.AddressingProperties;
import org.apache.cxf.ws.addressing.ContextUtils;
import org.apache.cxf.ws.addressing.EndpointReferenceType;
import org.apache.cxf.ws.addressing.EndpointReferenceUtils;
import org.netduplex.core.NetDuplex;
import org.netduplex.server.internal.RealDuplexSession;

/**
 * A call's {@code wsa:ReplyTo} (or {@code wsa:FaultTo}) naming the client's anonymous address (the
 * session's {@code netdx:Address}, or any WS-MakeConnection anonymous URI) means "answer me through
 * my polls", which is what the session does with every reply: it is read as WS-Addressing's
 * anonymous address before CXF's addressing layer sees it. CXF would otherwise take it for a
 * decoupled endpoint to call back, and refuse it. WCF routes a session's replies by the session,
 * not by {@code ReplyTo} (docs/protocol.md section 14); which {@code ReplyTo} a Silverlight 3+
 * client sends is not documented, so both forms are accepted. Any other address is left to CXF.
 */
public final class SessionReplyToInterceptor extends AbstractPhaseInterceptor<Message> {
  public SessionReplyToInterceptor() {
    super(Phase.PRE_LOGICAL);
    addBefore("org.apache.cxf.ws.addressing.MAPAggregator");
  }

  @Override
  public void handleMessage(Message message) {
    RealDuplexSession session = message.getExchange().get(RealDuplexSession.class);
    if (session == null || MessageUtils.isRequestor(message)) {
      return;
    }
    AddressingProperties maps = ContextUtils.retrieveMAPs(message, false, false, false);
    if (maps == null) {
      return;
    }
    if (pollsOf(session, maps.getReplyTo())) {
      maps.setReplyTo(EndpointReferenceUtils.getAnonymousEndpointReference());
    }
    if (pollsOf(session, maps.getFaultTo())) {
      maps.setFaultTo(EndpointReferenceUtils.getAnonymousEndpointReference());
    }
  }

  private static boolean pollsOf(RealDuplexSession session, EndpointReferenceType to) {
    String address = to == null || to.getAddress() == null ? null : to.getAddress().getValue();
    return address != null && (address.equals(session.address())
        || address.startsWith(NetDuplex.WCF_ANONYMOUS_URI_PREFIX) || address.startsWith(NetDuplex.ANONYMOUS_URI_PREFIX));
  }
}
