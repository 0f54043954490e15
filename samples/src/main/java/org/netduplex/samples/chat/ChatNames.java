package org.netduplex.samples.chat;

import java.util.Optional;
import java.util.regex.Pattern;

/** Which display names are allowed, whatever roster keeps them. */
final class ChatNames {
  static final int MAX_NAME_LENGTH = 32;
  private static final Pattern VALID_NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]*");

  private ChatNames() {}

  /** Why {@code name} (already stripped) cannot be a display name, or empty if it can. */
  static Optional<String> problem(String name) {
    if (name.isEmpty()) {
      return Optional.of("Choose a display name.");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      return Optional.of("A display name has at most " + MAX_NAME_LENGTH + " characters.");
    }
    if (!VALID_NAME.matcher(name).matches()) {
      return Optional.of("A display name uses letters, digits, spaces and . _ - only.");
    }
    return Optional.empty();
  }
}
