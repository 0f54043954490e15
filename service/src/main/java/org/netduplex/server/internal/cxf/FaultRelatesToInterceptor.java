package org.netduplex.server.internal.cxf;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.addressing.AddressingProperties;
import org.apache.cxf.ws.addressing.ContextUtils;
import org.apache.cxf.ws.addressing.JAXWSAConstants;

/**
 * A fault answering a request without {@code wsa:MessageID} carries no {@code wsa:RelatesTo}, as
 * WCF's {@code RequestReplyCorrelator.PrepareReply} leaves it (dotnet/wcf; docs/protocol.md section
 * 6). CXF would write WS-Addressing's {@code .../addressing/unspecified} there. One-way calls, polls
 * and session closes from WCF carry no MessageID, so this is their usual case, not an edge.
 */
public final class FaultRelatesToInterceptor extends AbstractPhaseInterceptor<Message> {
  public FaultRelatesToInterceptor() {
    super(Phase.PRE_LOGICAL);
    addAfter("org.apache.cxf.ws.addressing.MAPAggregator");
  }

  @Override
  public void handleMessage(Message message) {
    AddressingProperties out = (AddressingProperties) message.get(JAXWSAConstants.ADDRESSING_PROPERTIES_OUTBOUND);
    Message request = message.getExchange().getInMessage();
    if (out == null || request == null) {
      return;
    }
    AddressingProperties in = ContextUtils.retrieveMAPs(request, false, false, false);
    if (in == null || in.getMessageID() == null || in.getMessageID().getValue() == null) {
      out.setRelatesTo(null);
    }
  }
}
