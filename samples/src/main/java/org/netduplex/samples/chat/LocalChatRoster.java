package org.netduplex.samples.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The roster of one node, in memory: right for a single server, wrong for a cluster (each node would have its own). */
final class LocalChatRoster implements ChatRoster {
  private final Map<String, String> sessionByKey = new ConcurrentHashMap<>();
  private final Map<String, String> nameBySession = new ConcurrentHashMap<>();

  @Override
  public synchronized Claim claim(String name, String sessionId) {
    String already = nameBySession.get(sessionId);
    if (already != null) {
      return new Claim(Outcome.ALREADY_MEMBER, already);
    }
    String holder = sessionByKey.putIfAbsent(ChatRoster.key(name), sessionId);
    if (holder != null) {
      return new Claim(Outcome.TAKEN, holder);
    }
    nameBySession.put(sessionId, name);
    return new Claim(Outcome.JOINED, name);
  }

  @Override
  public synchronized Optional<String> remove(String sessionId) {
    String name = nameBySession.remove(sessionId);
    if (name != null) {
      sessionByKey.remove(ChatRoster.key(name));
    }
    return Optional.ofNullable(name);
  }

  @Override
  public Optional<String> nameOf(String sessionId) {
    return Optional.ofNullable(nameBySession.get(sessionId));
  }

  @Override
  public Optional<String> sessionOf(String name) {
    return Optional.ofNullable(sessionByKey.get(ChatRoster.key(name)));
  }

  @Override
  public List<String> names() {
    List<String> names = new ArrayList<>(nameBySession.values());
    names.sort(String.CASE_INSENSITIVE_ORDER);
    return names;
  }

  @Override
  public int size() {
    return nameBySession.size();
  }
}
