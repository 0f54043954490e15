package org.netduplex.server.internal.cxf;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.netduplex.server.internal.DuplexEngine;
import org.netduplex.server.internal.RealDuplexSession;

/**
 * Half-closes a session after the operation of the call that carried {@code netdx:CloseSession} ran,
 * so callbacks that operation sends still go out (docs/protocol.md section 4.1). Added to one
 * message's chain only. If the operation throws, the chain unwinds before this phase and the session
 * stays open; it then ends by inactivity.
 */
final class CloseAfterInvokeInterceptor extends AbstractPhaseInterceptor<Message> {
  private final DuplexEngine engine;
  private final RealDuplexSession session;

  CloseAfterInvokeInterceptor(DuplexEngine engine, RealDuplexSession session) {
    super(Phase.POST_INVOKE);
    this.engine = engine;
    this.session = session;
  }

  @Override
  public void handleMessage(Message message) {
    engine.closeByClient(session);
  }
}
