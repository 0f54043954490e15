package org.netduplex.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Reads the HTTP answer of a request-reply call registered with the {@link ReplyCorrelator}. An
 * empty {@code 200} (or {@code 202}) means the reply will come on a poll: the answer is marked a
 * partial response, on which CXF keeps waiting (synchronous calls) or keeps the async handler, and
 * the session counts as known so polling starts. An answer with a body is the reply itself.
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
    String messageId = (String) message.getExchange().get(ReplyCorrelator.MESSAGE_ID);
    if (messageId == null || Boolean.TRUE.equals(message.get(ReplyCorrelator.POLLED))) {
      return;
    }
    Object code = message.get(Message.RESPONSE_CODE);
    if ((Integer.valueOf(200).equals(code) || Integer.valueOf(202).equals(code)) && isEmpty(message)) {
      message.put(Message.PARTIAL_RESPONSE_MESSAGE, Boolean.TRUE);
      message.getInterceptorChain().abort();
      callAccepted.run();
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
