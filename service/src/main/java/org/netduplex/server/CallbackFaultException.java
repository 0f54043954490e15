package org.netduplex.server;

import javax.xml.namespace.QName;
import org.netduplex.server.internal.LogIds;

/**
 * The client answered a two-way callback with a SOAP fault its operation does not declare (a
 * declared one arrives as its generated exception), or with an answer that does not decode.
 */
public final class CallbackFaultException extends RuntimeException {
  private final transient DuplexSession session;
  /** The callback operation, see {@link #operation()}. */
  private final String operation;
  /** The fault code, see {@link #code()}. */
  private final QName code;

  /**
   * Made by the endpoint when a two-way callback's answer is an undeclared fault or does not decode.
   *
   * @param operation the callback operation, as {@code Contract.method}
   * @param session the session called back
   * @param code the fault code the client sent, or null if its answer did not decode
   * @param reason the fault's reason, or what did not decode
   */
  public CallbackFaultException(String operation, DuplexSession session, QName code, String reason) {
    super("Callback " + operation + " of duplex session " + LogIds.brief(session.id()) + " failed on the client: "
        + (code == null ? "" : code.getLocalPart() + ": ") + reason);
    this.operation = operation;
    this.session = session;
    this.code = code;
  }

  /**
   * The callback operation, as {@code Contract.method}.
   *
   * @return the operation's name
   */
  public String operation() {
    return operation;
  }

  /**
   * The session called back.
   *
   * @return the session; not serialized with the exception
   */
  public DuplexSession session() {
    return session;
  }

  /**
   * The fault code the client sent, or null when its answer was not a fault but did not decode.
   *
   * @return the code, or null
   */
  public QName code() {
    return code;
  }
}
