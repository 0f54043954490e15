package org.netduplex.client;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;

/** The detail of {@link UnknownSymbol}: the symbol asked for. */
@XmlRootElement(name = "UnknownSymbol", namespace = IQuoteDesk.NS)
@XmlAccessorType(XmlAccessType.FIELD)
public class UnknownSymbolDetail {
  public String symbol;
}
