package org.netduplex.server.internal.cxf;

import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageUtils;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.service.model.BindingOperationInfo;

/**
 * Marks the exchange one-way when the contract says the operation is, before CXF's WS-Addressing
 * layer checks the request. CXF marks it itself only while reading a body, so an empty-bodied call
 * (Register) reached {@code MAPAggregator} as request-response, which then demanded a
 * {@code wsa:MessageID}: WCF sends none on one-way calls (docs/protocol.md section 6), and every
 * SOAP 1.2 Register was refused with {@code wsa:MessageAddressingHeaderRequired}.
 */
public final class OneWayOperationInterceptor extends AbstractPhaseInterceptor<Message> {
  public OneWayOperationInterceptor() {
    super(Phase.PRE_LOGICAL);
    addBefore("org.apache.cxf.ws.addressing.MAPAggregator");
  }

  @Override
  public void handleMessage(Message message) {
    Exchange exchange = message.getExchange();
    BindingOperationInfo bop = exchange.getBindingOperationInfo();
    if (bop != null && bop.getOperationInfo().isOneWay() && !MessageUtils.isRequestor(message)) {
      exchange.setOneWay(true);
    }
  }
}
