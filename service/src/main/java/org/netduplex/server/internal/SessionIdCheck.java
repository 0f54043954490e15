package org.netduplex.server.internal;

import java.util.regex.Pattern;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.NetDuplex;
import org.netduplex.server.SessionIdPolicy;

/**
 * Applies the endpoint's {@link SessionIdPolicy} to the identity a call would open a session with
 * (docs/protocol.md section 16). Sessions that exist already were accepted when they opened.
 */
final class SessionIdCheck {
  /** A GUID in its usual 8-4-4-4-12 hex form, as WCF writes {@code Guid.ToString()}; optionally urn:uuid:. */
  private static final Pattern GUID =
      Pattern.compile("(?i)(urn:uuid:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final SessionIdPolicy policy;

  SessionIdCheck(SessionIdPolicy policy) {
    this.policy = policy;
  }

  /** @throws DuplexFault {@code INVALID_SESSION_ID} if the policy refuses {@code header}. */
  void check(DuplexHeader header) {
    if (policy == SessionIdPolicy.ANY) {
      return;
    }
    if (!GUID.matcher(header.sessionId()).matches()) {
      throw DuplexFault.naming(DuplexFault.Kind.INVALID_SESSION_ID,
          "netdx:SessionId must be a GUID, as WCF clients send it: " + header.sessionId(),
          "netdx:SessionId must be a GUID: " + LogIds.brief(header.sessionId()));
    }
    if (!isGuidAddress(header.address())) {
      throw DuplexFault.naming(DuplexFault.Kind.INVALID_SESSION_ID,
          "netdx:Address must be an anonymous address with a GUID id (" + NetDuplex.WCF_ANONYMOUS_URI_PREFIX
              + "<GUID>), as WCF clients send it: " + header.address(),
          "netdx:Address must be an anonymous address with a GUID id: " + LogIds.briefAddress(header.address()));
    }
  }

  static boolean isGuidAddress(String address) {
    String id = address.startsWith(NetDuplex.WCF_ANONYMOUS_URI_PREFIX)
        ? address.substring(NetDuplex.WCF_ANONYMOUS_URI_PREFIX.length())
        : address.startsWith(NetDuplex.ANONYMOUS_URI_PREFIX) ? address.substring(NetDuplex.ANONYMOUS_URI_PREFIX.length()) : null;
    return id != null && GUID.matcher(id).matches();
  }
}
