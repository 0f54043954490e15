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

  /** A new identity as Silverlight makes one: a fresh anonymous address and a fresh session id. */
  public static DuplexHeader newIdentity(String anonymousUriPrefix) {
    return new DuplexHeader(anonymousUriPrefix + UUID.randomUUID(), UUID.randomUUID().toString());
  }
}
