package org.netduplex.client.internal;

import javax.xml.namespace.QName;
import org.netduplex.core.NetDuplex;

/** A SOAP fault read from a poll answer: its most specific code and its reason. */
public record SoapFaultInfo(QName code, String reason) {
  /**
   * True when the fault says the session no longer exists on the server (ended, expired, or never
   * known there, as after a server restart): polling again cannot succeed.
   */
  public boolean sessionIsGone() {
    if (!NetDuplex.FAULTS_NS.equals(code.getNamespaceURI())) {
      return false;
    }
    return switch (code.getLocalPart()) {
      case "SessionEnded", "UnknownAddress", "AddressMismatch" -> true;
      default -> false;
    };
  }
}
