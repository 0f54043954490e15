package org.netduplex.server.internal.cxf;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.cxf.binding.soap.interceptor.MustUnderstandInterceptor;
import org.apache.cxf.interceptor.OneWayProcessorInterceptor;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageUtils;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.service.model.BindingOperationInfo;
import org.apache.cxf.transport.http.AbstractHTTPDestination;

/**
 * Answers a one-way call {@code 200} with {@code Content-Length: 0}, as WCF does (capture B), instead
 * of CXF's {@code 202}. The answer is sent before the operation runs, and the operation then runs on
 * this same thread, so one client's calls are processed in the order it sent them. It runs after the
 * body was unmarshalled and the {@code mustUnderstand} headers checked, so a body the contract cannot
 * read or a header nobody understands still gets a fault, not a {@code 200}.
 */
public final class OneWayResponseInterceptor extends AbstractPhaseInterceptor<Message> {
  public OneWayResponseInterceptor() {
    super(Phase.PRE_LOGICAL);
    addBefore(OneWayProcessorInterceptor.class.getName());
    // After the check of mustUnderstand headers: a header nobody understands gets its fault, not a 200.
    addAfter(MustUnderstandInterceptor.MustUnderstandEndingInterceptor.class.getName());
  }

  @Override
  public void handleMessage(Message message) {
    Exchange exchange = message.getExchange();
    BindingOperationInfo bop = exchange.getBindingOperationInfo();
    // CXF does not see an empty-bodied call (Register) as one-way by itself; the contract says it is.
    boolean oneWay = exchange.isOneWay() || (bop != null && bop.getOperationInfo().isOneWay());
    if (!oneWay || MessageUtils.isRequestor(message)) {
      return;
    }
    exchange.setOneWay(true);
    message.put(OneWayProcessorInterceptor.class.getName(), this); // tells CXF's own one-way handling to stand down
    message.put(Message.ROBUST_ONEWAY, Boolean.FALSE); // answered: a later failure is logged, not sent
    HttpServletResponse response = (HttpServletResponse) message.get(AbstractHTTPDestination.HTTP_RESPONSE);
    if (response == null) {
      return;
    }
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentLength(0);
    try {
      response.flushBuffer();
    } catch (IOException e) {
      // The client left; the call it sent is still processed, as WCF does with one-way messages.
    }
  }
}
