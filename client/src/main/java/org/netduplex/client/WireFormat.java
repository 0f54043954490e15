package org.netduplex.client;

/**
 * How a client's messages look on the wire. The server answers in the form it was spoken to.
 */
public enum WireFormat {
  /**
   * SOAP 1.1 text without WS-Addressing, the operation in the {@code SOAPAction} header: WCF's
   * polling duplex exactly as captured from Silverlight 2 (seed 002). The default.
   */
  SOAP11_TEXT,
  /** SOAP 1.2 + WS-Addressing 1.0 as text ({@code application/soap+xml}): WCF custom bindings. */
  SOAP12_TEXT,
  /**
   * SOAP 1.2 + WS-Addressing 1.0 in the .NET binary format ({@code application/soap+msbin1}): what
   * a Silverlight 3+ {@code PollingDuplexHttpBinding} speaks by default.
   */
  SOAP12_BINARY;

  /**
   * True for the SOAP 1.2 + WS-Addressing forms.
   *
   * @return whether messages are SOAP 1.2 with WS-Addressing 1.0
   */
  public boolean isSoap12() {
    return this != SOAP11_TEXT;
  }
}
