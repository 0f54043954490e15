package org.netduplex.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Reads the HTTP answer of a service call. A {@code 2xx} means the server knows the session, so
 * polling starts (for async calls too, which return before their request is sent). For a
 * request-reply call registered with the {@link ReplyCorrelator}, an empty {@code 2xx} means the
 * reply will come on a poll: the answer is marked a partial response, on which CXF keeps waiting
 * (synchronous calls) or keeps the async handler. An answer with a body is the reply itself.
 */
public final class AcknowledgedCallInterceptor extends AbstractPhaseInterceptor<Message> {
  private final ReplyCorrelator correlator;
  private final Runnable callAccepted;

  public AcknowledgedCallInterceptor(ReplyCorrelator correlator, Runnable callAccepted) {
    super(Phase.RECEIVE);
    addBefore("org.netduplex.msbin.cxf.MsbinInInterceptor");
    this.correlator = correlator;
    this.callAccepted = callAccepted;
  }

  @Override
  public void handleMessage(Message message) {
    if (Boolean.TRUE.equals(message.get(ReplyCorrelator.POLLED))) {
      return;
    }
    Object code = message.get(Message.RESPONSE_CODE);
    boolean accepted = code instanceof Integer status && status >= 200 && status < 300;
    if (accepted) {
      callAccepted.run(); // the server knows the session now, whatever the call (async ones too)
    }
    String messageId = (String) message.getExchange().get(ReplyCorrelator.MESSAGE_ID);
    if (messageId == null) {
      return;
    }
    if (accepted && isEmpty(message)) {
      message.put(Message.PARTIAL_RESPONSE_MESSAGE, Boolean.TRUE);
      message.getInterceptorChain().abort();
      correlator.acknowledged(messageId);
    } else {
      correlator.answeredDirectly(messageId);
    }
  }

  private static boolean isEmpty(Message message) {
    InputStream in = message.getContent(InputStream.class);
    if (in == null) {
      return true;
    }
    try {
      PushbackInputStream peek = new PushbackInputStream(in, 1);
      int first = peek.read();
      if (first < 0) {
        return true;
      }
      peek.unread(first);
      message.setContent(InputStream.class, peek);
      return false;
    } catch (IOException e) {
      throw new Fault(e);
    }
  }
}
