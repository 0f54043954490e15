package org.netduplex.spring.boot;

import java.util.List;
import org.netduplex.server.DuplexSession;
import org.netduplex.server.DuplexSessionListener;
import org.netduplex.server.SessionEndReason;

/** Every {@link DuplexSessionListener} bean of the context, in their order, as the one listener a config takes. */
final class CompositeSessionListener implements DuplexSessionListener {
  private final List<DuplexSessionListener> listeners;

  CompositeSessionListener(List<DuplexSessionListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  static DuplexSessionListener of(List<DuplexSessionListener> listeners) {
    return switch (listeners.size()) {
      case 0 -> DuplexSessionListener.NONE;
      case 1 -> listeners.get(0);
      default -> new CompositeSessionListener(listeners);
    };
  }

  @Override
  public void sessionOpened(DuplexSession session) {
    listeners.forEach(l -> l.sessionOpened(session));
  }

  @Override
  public void sessionEnded(DuplexSession session, SessionEndReason reason) {
    listeners.forEach(l -> l.sessionEnded(session, reason));
  }

  @Override
  public void messageRefused(DuplexSession session) {
    listeners.forEach(l -> l.messageRefused(session));
  }

  @Override
  public void messageDelivered(DuplexSession session) {
    listeners.forEach(l -> l.messageDelivered(session));
  }
}
