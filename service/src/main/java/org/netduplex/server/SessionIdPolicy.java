package org.netduplex.server;

/**
 * Which {@code netdx:SessionId}s and client addresses open a session. Both are chosen by the client,
 * and whoever knows an address can poll its callbacks, so only unguessable ones are safe.
 */
public enum SessionIdPolicy {
  /**
   * The default: the session id is a GUID, and the address is a WS-MakeConnection anonymous URI
   * ({@code …/anonymous?id=} or WCF's {@code …/anoynmous?id=}) whose id is a GUID, as every WCF and
   * Silverlight client sends them. Anything else is refused with {@code ndf:InvalidSessionId}.
   */
  GUIDS_ONLY,
  /** Any id and address of 1..512 characters, as before: for clients that make their own. */
  ANY
}
