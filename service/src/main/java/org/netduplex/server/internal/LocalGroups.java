package org.netduplex.server.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory store's groups: name → members, a session leaving every group when it ends. */
final class LocalGroups {
  private final ConcurrentHashMap<String, Set<RealDuplexSession>> groups = new ConcurrentHashMap<>();

  void join(String group, RealDuplexSession session) {
    groups.computeIfAbsent(group, g -> ConcurrentHashMap.newKeySet()).add(session);
    if (session.ended()) {
      leave(group, session); // it ended while joining: its end may have missed this group
    }
  }

  void leave(String group, RealDuplexSession session) {
    groups.computeIfPresent(group, (g, members) -> {
      members.remove(session);
      return members.isEmpty() ? null : members;
    });
  }

  /** A snapshot of the members, for a broadcast. */
  List<RealDuplexSession> members(String group) {
    Set<RealDuplexSession> members = groups.get(group);
    return members == null ? List.of() : List.copyOf(members);
  }

  int size(String group) {
    Set<RealDuplexSession> members = groups.get(group);
    return members == null ? 0 : members.size();
  }

  /** An ended session leaves all its groups; there are few groups, so scanning them is cheap. */
  void ended(RealDuplexSession session) {
    for (String group : groups.keySet()) {
      leave(group, session);
    }
  }
}
