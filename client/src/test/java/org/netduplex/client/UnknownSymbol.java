package org.netduplex.client;

import jakarta.xml.ws.WebFault;

/** IQuoteDesk's declared fault, in JAX-WS's fault-bean form as wsdl2java generates it. */
@WebFault(name = "UnknownSymbol", targetNamespace = IQuoteDesk.NS)
public class UnknownSymbol extends Exception {
  private final UnknownSymbolDetail faultInfo;

  public UnknownSymbol(String message, UnknownSymbolDetail faultInfo) {
    super(message);
    this.faultInfo = faultInfo;
  }

  public UnknownSymbolDetail getFaultInfo() {
    return faultInfo;
  }
}
