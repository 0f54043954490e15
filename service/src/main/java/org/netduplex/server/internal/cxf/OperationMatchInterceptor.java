package org.netduplex.server.internal.cxf;

import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.binding.soap.interceptor.SoapActionInInterceptor;
import org.apache.cxf.common.util.StringUtils;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;

/**
 * Refuses a service call that names no operation of the contract, before a one-way call is answered
 * {@code 200}: CXF would answer an empty-bodied call whose {@code SOAPAction} matches nothing with an
 * empty {@code 200} and run nothing, and would notice a mismatched action on a call with a body only
 * after the {@code 200} went out. A typo would become a silent no-op. The fault is CXF's own
 * wording, with the Client (SOAP 1.2: Sender) code: the request is at fault. Polls and bare
 * {@code netdx:CloseSession} messages were answered before this phase.
 */
public final class OperationMatchInterceptor extends AbstractSoapInterceptor {
  public OperationMatchInterceptor() {
    super(Phase.PRE_LOGICAL);
    addBefore(OneWayResponseInterceptor.class.getName());
    // A call naming no operation gets this fault, not WS-Addressing's demand for a wsa:MessageID.
    addBefore("org.apache.cxf.ws.addressing.MAPAggregator");
  }

  @Override
  public void handleMessage(SoapMessage message) {
    if (isRequestor(message)) {
      return;
    }
    String action = SoapActionInInterceptor.getSoapAction(message);
    if (message.getExchange().getBindingOperationInfo() == null) {
      throw new SoapFault(StringUtils.isEmpty(action)
          ? "The message matches no operation: its body is empty and it names no SOAPAction"
          : "The given SOAPAction " + action + " does not match an operation.", message.getVersion().getSender());
    }
    try {
      // CXF's own check of the action against the operation the body selected, run before the 200.
      new SoapActionInInterceptor.SoapActionInAttemptTwoInterceptor(action).handleMessage(message);
    } catch (Fault mismatch) {
      throw new SoapFault(mismatch.getMessage(), message.getVersion().getSender());
    }
  }
}
