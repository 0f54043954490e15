package org.netduplex.core;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity a {@code netdx:Duplex} header carries: the client's WS-MakeConnection anonymous
 * {@code address}, which its polls name, and the {@code sessionId} of one duplex session behind it.
 */
public record DuplexHeader(String address, String sessionId) {
  /** Longest address or session id accepted: a GUID-based URI is about 100 characters. */
  public static final int MAX_LENGTH = 512;

  /**
   * Checks both parts.
   *
   * @param address the client's anonymous address, 1..{@value #MAX_LENGTH} characters
   * @param sessionId the duplex session's id, 1..{@value #MAX_LENGTH} characters
   * @throws NullPointerException if either is null
   * @throws IllegalArgumentException if either is blank or longer than {@value #MAX_LENGTH}
   */
  public DuplexHeader {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(sessionId, "sessionId");
    if (address.isBlank() || address.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("netdx:Address must be 1.." + MAX_LENGTH + " characters");
    }
    if (sessionId.isBlank() || sessionId.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("netdx:SessionId must be 1.." + MAX_LENGTH + " characters");
    }
  }

  /**
   * A new identity as Silverlight makes one: a fresh anonymous address and a fresh session id.
   *
   * @param anonymousUriPrefix the prefix a random UUID is appended to, such as
   *     {@link NetDuplex#ANONYMOUS_URI_PREFIX}
   * @return the new identity
   */
  public static DuplexHeader newIdentity(String anonymousUriPrefix) {
    return new DuplexHeader(anonymousUriPrefix + UUID.randomUUID(), UUID.randomUUID().toString());
  }
}
