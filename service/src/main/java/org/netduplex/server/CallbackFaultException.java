package org.netduplex.server;

import javax.xml.namespace.QName;
import org.netduplex.server.internal.LogIds;

/**
 * The client answered a two-way callback with a SOAP fault its operation does not declare (a
 * declared one arrives as its generated exception), or with an answer that does not decode.
 */
public final class CallbackFaultException extends RuntimeException {
  private final transient DuplexSession session;
  private final String operation;
  private final QName code;

  public CallbackFaultException(String operation, DuplexSession session, QName code, String reason) {
    super("Callback " + operation + " of duplex session " + LogIds.brief(session.id()) + " failed on the client: "
        + (code == null ? "" : code.getLocalPart() + ": ") + reason);
    this.operation = operation;
    this.session = session;
    this.code = code;
  }

  /** The callback operation, as {@code Contract.method}. */
  public String operation() {
    return operation;
  }

  public DuplexSession session() {
    return session;
  }

  /** The fault code the client sent, or null when its answer was not a fault but did not decode. */
  public QName code() {
    return code;
  }
}
