package org.netduplex.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records listener events as strings, e.g. "opened <id>", "ended <id> INACTIVITY_TIMEOUT". */
final class RecordingSessionListener implements DuplexSessionListener {
  final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  public void sessionOpened(DuplexSession session) {
    events.add("opened " + session.id());
  }

  @Override
  public void sessionEnded(DuplexSession session, SessionEndReason reason) {
    events.add("ended " + session.id() + " " + reason);
  }

  @Override
  public void messageRefused(DuplexSession session) {
    events.add("refused " + session.id());
  }
}
