package org.netduplex.samples.chat;

import java.util.List;
import java.util.Optional;

/**
 * Who is in the chat: display names (public, unique regardless of case) mapped to session ids
 * (private). Every node of a cluster must see the same roster, or two nodes would accept one name:
 * {@link LocalChatRoster} is one node's, {@link RedisChatRoster} the cluster's. Pure bookkeeping;
 * {@link ChatServiceImpl} decides what to tell whom.
 */
interface ChatRoster {
  /** What {@link #claim} decided; {@code name} is the caller's name (JOINED, ALREADY_MEMBER) or the holder's session id (TAKEN). */
  record Claim(Outcome outcome, String name) {}

  /** The outcomes of {@link #claim}. */
  enum Outcome { JOINED, ALREADY_MEMBER, TAKEN }

  /** Makes {@code sessionId} the member called {@code name} (already checked by {@link ChatNames}), in one step. */
  Claim claim(String name, String sessionId);

  /**
   * Removes the member of {@code sessionId}; returns its name only to the one caller whose removal
   * took it, so that caller alone tells the others (each node hears a session end in a cluster).
   */
  Optional<String> remove(String sessionId);

  Optional<String> nameOf(String sessionId);

  /** The session id of the member called {@code name}, in any case. */
  Optional<String> sessionOf(String name);

  /** Every member's name, sorted regardless of case. */
  List<String> names();

  int size();

  /** The lower-case key names are unique by. */
  static String key(String name) {
    return name.toLowerCase(java.util.Locale.ROOT);
  }
}
