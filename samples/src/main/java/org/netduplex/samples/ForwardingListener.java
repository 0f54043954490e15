package org.netduplex.samples;

import org.netduplex.server.DuplexSession;
import org.netduplex.server.DuplexSessionListener;
import org.netduplex.server.SessionEndReason;

/**
 * The endpoint's listener, handed to its feature before the service exists (the service is made from
 * the feature, to reach its groups); it passes every event on to the service once it is set. No event
 * comes before: the endpoint is not published yet.
 */
final class ForwardingListener implements DuplexSessionListener {
  private volatile DuplexSessionListener target = DuplexSessionListener.NONE;

  void forwardTo(DuplexSessionListener target) {
    this.target = target;
  }

  @Override
  public void sessionOpened(DuplexSession session) {
    target.sessionOpened(session);
  }

  @Override
  public void sessionEnded(DuplexSession session, SessionEndReason reason) {
    target.sessionEnded(session, reason);
  }

  @Override
  public void messageRefused(DuplexSession session) {
    target.messageRefused(session);
  }

  @Override
  public void messageDelivered(DuplexSession session) {
    target.messageDelivered(session);
  }
}
