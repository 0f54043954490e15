package org.netduplex.samples.chat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.netduplex.server.DuplexSession;

/**
 * Who is in the chat: display names (public, unique regardless of case) mapped to sessions (private).
 * Pure bookkeeping; {@link ChatServiceImpl} decides what to tell whom.
 */
final class ChatRoom {
  static final int MAX_NAME_LENGTH = 32;
  private static final Pattern VALID_NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]*");

  /** A member: its display name and its session. */
  record Member(String name, DuplexSession session) {}

  private final Map<String, Member> byName = new ConcurrentHashMap<>();
  private final Map<DuplexSession, Member> bySession = new ConcurrentHashMap<>();

  /** Why {@code name} cannot join for {@code session}, or empty if it can. */
  synchronized Optional<String> join(String rawName, DuplexSession session) {
    String name = rawName == null ? "" : rawName.strip();
    Member already = bySession.get(session);
    if (already != null) {
      return Optional.of("You already joined as " + already.name() + ".");
    }
    if (name.isEmpty()) {
      return Optional.of("Choose a display name.");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      return Optional.of("A display name has at most " + MAX_NAME_LENGTH + " characters.");
    }
    if (!VALID_NAME.matcher(name).matches()) {
      return Optional.of("A display name uses letters, digits, spaces and . _ - only.");
    }
    String key = key(name);
    if (byName.containsKey(key)) {
      return Optional.of("The name " + name + " is taken; choose another.");
    }
    Member member = new Member(name, session);
    byName.put(key, member);
    bySession.put(session, member);
    return Optional.empty();
  }

  /** Removes the member of {@code session}; returns it if there was one. */
  synchronized Optional<Member> leave(DuplexSession session) {
    Member m = bySession.remove(session);
    if (m != null) {
      byName.remove(key(m.name()));
    }
    return Optional.ofNullable(m);
  }

  Optional<Member> memberOf(DuplexSession session) {
    return Optional.ofNullable(bySession.get(session));
  }

  Optional<Member> named(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(byName.get(key(name.strip())));
  }

  Collection<DuplexSession> sessions() {
    return bySession.keySet();
  }

  List<String> names() {
    List<String> names = new ArrayList<>();
    for (Member m : byName.values()) {
      names.add(m.name());
    }
    names.sort(String.CASE_INSENSITIVE_ORDER);
    return names;
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
