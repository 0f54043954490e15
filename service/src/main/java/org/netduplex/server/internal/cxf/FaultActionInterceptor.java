package org.netduplex.server.internal.cxf;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.addressing.AddressingProperties;
import org.apache.cxf.ws.addressing.ContextUtils;
import org.apache.cxf.ws.addressing.JAXWSAConstants;
import org.netduplex.core.NetDuplex;
import org.netduplex.server.internal.DuplexFault;

/**
 * Sets {@code wsa:Action} of the engine's faults where WS-Addressing is on: the WS-MC fault action
 * for {@code wsmc:*} faults (RSP sample {@code MakeConnectionConstants.Fault.Action}; Metro
 * {@code wsmcFaultAction}), WS-Addressing's default fault action for ours (docs/protocol.md section
 * 6). Without it CXF writes an empty action for a fault of a request that has no operation (a poll).
 * CXF's addressing layer keeps an action already set on the outbound properties, so this runs just
 * before it; without WS-Addressing nothing reads the property.
 */
public final class FaultActionInterceptor extends AbstractPhaseInterceptor<Message> {
  public static final String WSMC_FAULT_ACTION = NetDuplex.WSMC_NS + "/fault";
  public static final String WSA_FAULT_ACTION = NetDuplex.WSA_NS + "/soap/fault";

  public FaultActionInterceptor() {
    super(Phase.PRE_LOGICAL);
    addBefore("org.apache.cxf.ws.addressing.MAPAggregator");
  }

  @Override
  public void handleMessage(Message message) {
    if (message.getContent(Exception.class) instanceof Fault fault
        && fault.getCause() instanceof DuplexFault f
        && message.get(JAXWSAConstants.ADDRESSING_PROPERTIES_OUTBOUND) == null) {
      AddressingProperties maps = new AddressingProperties();
      maps.setAction(ContextUtils.getAttributedURI(f.isMakeConnectionFault() ? WSMC_FAULT_ACTION : WSA_FAULT_ACTION));
      message.put(JAXWSAConstants.ADDRESSING_PROPERTIES_OUTBOUND, maps);
    }
  }
}
