package org.netduplex.server.internal.cxf;

import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapFault;
import org.netduplex.core.NetDuplex;
import org.netduplex.server.internal.DuplexFault;

/**
 * The one mapping from engine refusals to SOAP faults. As WS-RM and WS-MakeConnection do for SOAP
 * 1.1, the fault's subcode is the {@code faultcode}: {@code wsmc:MissingSelection} and
 * {@code wsmc:UnsupportedSelection} from the specification, and NetDuplex's own codes in
 * {@value #FAULT_NS} for the rest (WCF's own codes for these cases are not documented).
 */
public final class DuplexFaults {
  /** Namespace of NetDuplex's fault codes. */
  public static final String FAULT_NS = "urn:netduplex:faults";

  private DuplexFaults() {}

  public static SoapFault toSoapFault(DuplexFault f) {
    QName code = switch (f.kind()) {
      case MISSING_SELECTION -> new QName(NetDuplex.WSMC_NS, "MissingSelection", "wsmc");
      case UNSUPPORTED_SELECTION -> new QName(NetDuplex.WSMC_NS, "UnsupportedSelection", "wsmc");
      case MISSING_DUPLEX_HEADER -> ndf("MissingDuplexHeader");
      case MALFORMED_DUPLEX_HEADER -> ndf("MalformedDuplexHeader");
      case SESSION_ENDED -> ndf("SessionEnded");
      case ADDRESS_MISMATCH -> ndf("AddressMismatch");
      case UNKNOWN_ADDRESS -> ndf("UnknownAddress");
      case TOO_MANY_SESSIONS -> ndf("ServerTooBusy");
      case REQUEST_TOO_LARGE -> ndf("RequestTooLarge");
    };
    SoapFault fault = new SoapFault(f.getMessage(), f, code);
    fault.getNamespaces().put(code.getPrefix(), code.getNamespaceURI());
    return fault;
  }

  private static QName ndf(String local) {
    return new QName(FAULT_NS, local, "ndf");
  }
}
