package org.netduplex.server.internal;

/**
 * A protocol-level refusal of a request, raised inside the engine and turned into a SOAP fault in
 * one place at the CXF edge ({@code DuplexFaults}).
 */
public final class DuplexFault extends RuntimeException {
  /** What went wrong; each kind has a documented fault code. */
  public enum Kind {
    /** A service call without a {@code netdx:Duplex} header. */
    MISSING_DUPLEX_HEADER(true),
    /** A {@code netdx:Duplex} header without a usable Address or SessionId. */
    MALFORMED_DUPLEX_HEADER(true),
    /** A call or poll naming a session that ended (inactivity, closed). */
    SESSION_ENDED(true),
    /** A call naming a known session with a different address than the one it opened with. */
    ADDRESS_MISMATCH(true),
    /** A poll naming an address no open session uses. */
    UNKNOWN_ADDRESS(true),
    /** The endpoint has the maximum number of sessions open. */
    TOO_MANY_SESSIONS(false),
    /** WS-MakeConnection: a poll with no selection criteria (no wsmc:Address). */
    MISSING_SELECTION(true),
    /** WS-MakeConnection: a poll selecting by something other than wsmc:Address. */
    UNSUPPORTED_SELECTION(true),
    /** The request body exceeds the configured limit. */
    REQUEST_TOO_LARGE(true);

    private final boolean clientsFault;

    Kind(boolean clientsFault) {
      this.clientsFault = clientsFault;
    }

    public boolean isClientsFault() {
      return clientsFault;
    }
  }

  private final Kind kind;

  public DuplexFault(Kind kind, String message) {
    super(message, null, false, false); // no stack trace: this is an answer, not a bug
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
