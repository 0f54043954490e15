package org.netduplex.client;

import javax.xml.namespace.QName;

/**
 * A SOAP fault a server answered a poll, or a one-way service call, with (e.g. {@code ndf:ServerTooBusy}
 * when the server has {@code maxSessions} open). {@link #code()} is the most specific code: the SOAP 1.1
 * {@code faultcode}, or the SOAP 1.2 {@code Subcode} when there is one.
 */
public final class DuplexFaultException extends RuntimeException {
  private final QName code;
  private final int httpStatus;

  public DuplexFaultException(QName code, String reason, int httpStatus) {
    super(reason + " [" + code + ", HTTP " + httpStatus + "]", null, false, false);
    this.code = code;
    this.httpStatus = httpStatus;
  }

  public QName code() {
    return code;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
