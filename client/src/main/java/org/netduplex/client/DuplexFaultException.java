package org.netduplex.client;

import javax.xml.namespace.QName;

/**
 * A SOAP fault a server answered a poll, or a one-way service call, with (e.g. {@code ndf:ServerTooBusy}
 * when the server has {@code maxSessions} open). {@link #code()} is the most specific code: the SOAP 1.1
 * {@code faultcode}, or the SOAP 1.2 {@code Subcode} when there is one.
 */
public final class DuplexFaultException extends RuntimeException {
  /** The fault code, see {@link #code()}. */
  private final QName code;
  /** The HTTP status, see {@link #httpStatus()}. */
  private final int httpStatus;

  /**
   * Made by the client when a server answers with a fault.
   *
   * @param code the most specific fault code
   * @param reason the fault's reason text
   * @param httpStatus the status of the HTTP answer that carried the fault
   */
  public DuplexFaultException(QName code, String reason, int httpStatus) {
    super(reason + " [" + code + ", HTTP " + httpStatus + "]", null, false, false);
    this.code = code;
    this.httpStatus = httpStatus;
  }

  /**
   * The most specific fault code: the SOAP 1.1 {@code faultcode}, or the SOAP 1.2 {@code Subcode} if there is one.
   *
   * @return the code, such as {@code ndf:ServerTooBusy}
   */
  public QName code() {
    return code;
  }

  /**
   * The status of the HTTP answer that carried the fault.
   *
   * @return the status, such as 500
   */
  public int httpStatus() {
    return httpStatus;
  }
}
