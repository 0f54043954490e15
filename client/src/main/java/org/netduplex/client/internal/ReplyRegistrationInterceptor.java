package org.netduplex.client.internal;

import org.apache.cxf.endpoint.ClientImpl;
import org.apache.cxf.interceptor.MessageSenderInterceptor;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.service.model.BindingOperationInfo;
import org.apache.cxf.ws.addressing.AddressingProperties;
import org.apache.cxf.ws.addressing.ContextUtils;

/**
 * Registers a request-reply call with the {@link ReplyCorrelator} under its {@code wsa:MessageID}
 * before the request is sent, so a reply on a poll finds it. CXF's own wait for a synchronous
 * response is set to outlast the reply timeout, which the correlator enforces on the client's clock.
 */
public final class ReplyRegistrationInterceptor extends AbstractPhaseInterceptor<Message> {
  private final ReplyCorrelator correlator;

  public ReplyRegistrationInterceptor(ReplyCorrelator correlator) {
    super(Phase.PREPARE_SEND);
    addBefore(MessageSenderInterceptor.class.getName());
    this.correlator = correlator;
  }

  @Override
  public void handleMessage(Message message) {
    Exchange exchange = message.getExchange();
    BindingOperationInfo bop = exchange.getBindingOperationInfo();
    if (exchange.isOneWay() || bop == null || bop.getOperationInfo().isOneWay()) {
      return;
    }
    AddressingProperties maps = ContextUtils.retrieveMAPs(message, false, true, false);
    if (maps == null || maps.getMessageID() == null || maps.getMessageID().getValue() == null) {
      return; // no WS-Addressing (SOAP 1.1): the reply comes on the HTTP response
    }
    message.put(ClientImpl.SYNC_TIMEOUT, correlator.replyTimeout().toMillis() + 60_000);
    correlator.register(maps.getMessageID().getValue(), exchange, bop.getOperationInfo().getName().getLocalPart());
  }
}
