package org.netduplex.server.internal;

import javax.xml.namespace.QName;

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
    /** A session id or address the endpoint's SessionIdPolicy refuses (not a GUID). */
    INVALID_SESSION_ID(true),
    /** The endpoint has the maximum number of sessions open. */
    TOO_MANY_SESSIONS(false),
    /**
     * WS-MakeConnection: a poll with no selection criteria (no wsmc:Address). A Receiver fault, as
     * every WS-MC fault is (RSP sample, Metro, WebLogic; docs/protocol.md section 5.1).
     */
    MISSING_SELECTION(false),
    /** WS-MakeConnection: a poll selecting by something other than wsmc:Address. A Receiver fault. */
    UNSUPPORTED_SELECTION(false),
    /** The request body exceeds the configured limit. */
    REQUEST_TOO_LARGE(true),
    /** An answer to a two-way callback that does not decode, or names another session (docs/protocol.md section 13). */
    MALFORMED_CALLBACK_REPLY(true),
    /** The server's deployment cannot serve polls (a servlet without async support). A Receiver fault. */
    SERVER_MISCONFIGURED(false),
    /** A request-reply call whose session's queue is full: its reply would have no room. A Receiver fault. */
    REPLY_QUEUE_FULL(false);

    private final boolean senderFault;

    Kind(boolean senderFault) {
      this.senderFault = senderFault;
    }

    /** SOAP 1.2 Code: Sender (the request was at fault) or Receiver. */
    public boolean isSenderFault() {
      return senderFault;
    }
  }

  private final Kind kind;
  private final QName unsupportedSelection;
  private final String logText;

  public DuplexFault(Kind kind, String message) {
    this(kind, message, message, null);
  }

  /** With {@code unsupportedSelection}: the selection element a {@code MakeConnection} used instead of wsmc:Address. */
  public DuplexFault(Kind kind, String message, QName unsupportedSelection) {
    this(kind, message, message, unsupportedSelection);
  }

  private DuplexFault(Kind kind, String message, String logText, QName unsupportedSelection) {
    super(message, null, false, false); // no stack trace: this is an answer, not a bug
    this.kind = kind;
    this.unsupportedSelection = unsupportedSelection;
    this.logText = logText;
  }

  /**
   * A fault whose text names a session id or address: the client gets it in full (it is its own),
   * the server's log at INFO and above gets {@code logText}, which shortens it ({@link LogIds}).
   */
  public static DuplexFault naming(Kind kind, String message, String logText) {
    return new DuplexFault(kind, message, logText, null);
  }

  /** The text for the server's log: ids and addresses shortened. */
  public String logText() {
    return logText;
  }

  public Kind kind() {
    return kind;
  }

  /** The unsupported selection element of an {@link Kind#UNSUPPORTED_SELECTION}, else null. */
  public QName unsupportedSelection() {
    return unsupportedSelection;
  }

  /** A WS-MakeConnection fault: Receiver code and the WS-MC fault action (WS-MC 1.1 section 5). */
  public boolean isMakeConnectionFault() {
    return kind == Kind.MISSING_SELECTION || kind == Kind.UNSUPPORTED_SELECTION;
  }
}
