package org.netduplex.server.internal.cxf;

import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapVersion;
import org.apache.cxf.helpers.DOMUtils;
import org.netduplex.core.NetDuplex;
import org.netduplex.server.internal.DuplexFault;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The one mapping from engine refusals to SOAP faults. As WS-RM and WS-MakeConnection do for SOAP
 * 1.1, the fault's subcode is the {@code faultcode}: {@code wsmc:MissingSelection} and
 * {@code wsmc:UnsupportedSelection} from the specification, and NetDuplex's own codes in
 * {@value #FAULT_NS} for the rest (WCF's own codes for these cases are not documented). Every prefix
 * a code or detail QName uses is declared inside {@code s:Fault}, on the element that uses it.
 */
public final class DuplexFaults {
  /** Namespace of NetDuplex's fault codes. */
  public static final String FAULT_NS = NetDuplex.FAULTS_NS;

  private DuplexFaults() {}

  /**
   * The fault for {@code f} in {@code version}: in SOAP 1.1 the code is the {@code faultcode}; in SOAP
   * 1.2 it is the {@code Subcode} under {@code Sender} or {@code Receiver}, as WS-MakeConnection binds it.
   */
  public static SoapFault toSoapFault(DuplexFault f, SoapVersion version) {
    SoapFault fault = toSoapFault(f);
    if (version == Soap12.getInstance()) {
      QName code = fault.getFaultCode();
      SoapFault soap12 = new SoapFault(f.getMessage(), f,
          f.kind().isSenderFault() ? version.getSender() : version.getReceiver());
      soap12.setSubCode(code); // CXF declares its prefix on the s:Value that uses it
      if (f.unsupportedSelection() != null) {
        soap12.setDetail(unsupportedSelectionDetail(f.unsupportedSelection()));
      }
      return soap12;
    }
    return fault;
  }

  /** The SOAP 1.1 fault for {@code f}. */
  public static SoapFault toSoapFault(DuplexFault f) {
    QName code = switch (f.kind()) {
      case MISSING_SELECTION -> new QName(NetDuplex.WSMC_NS, "MissingSelection", "wsmc");
      case UNSUPPORTED_SELECTION -> new QName(NetDuplex.WSMC_NS, "UnsupportedSelection", "wsmc");
      case MISSING_DUPLEX_HEADER -> ndf("MissingDuplexHeader");
      case MALFORMED_DUPLEX_HEADER -> ndf("MalformedDuplexHeader");
      case SESSION_ENDED -> ndf("SessionEnded");
      case ADDRESS_MISMATCH -> ndf("AddressMismatch");
      case UNKNOWN_ADDRESS -> ndf("UnknownAddress");
      case INVALID_SESSION_ID -> ndf("InvalidSessionId");
      case TOO_MANY_SESSIONS -> ndf("ServerTooBusy");
      case REQUEST_TOO_LARGE -> ndf("RequestTooLarge");
      case SERVER_MISCONFIGURED -> ndf("ServerMisconfigured");
      case MALFORMED_CALLBACK_REPLY -> ndf("MalformedCallbackReply");
      case REPLY_QUEUE_FULL -> ndf("CallbackQueueFull");
    };
    // No entry in getNamespaces(): CXF would declare it on s:Body, and a stack that copies the
    // s:Fault element out could no longer resolve the code. Unbound, the prefix is declared on the
    // faultcode (s:Value in SOAP 1.2) element itself.
    return new SoapFault(f.getMessage(), f, code);
  }

  /**
   * {@code <detail><wsmc:UnsupportedSelection>q:local</wsmc:UnsupportedSelection></detail>}: the
   * QName of the element used for selection (WS-MC 1.1 section 5.2; SOAP 1.2 only, as the RSP
   * sample and Metro write it).
   */
  private static Element unsupportedSelectionDetail(QName selection) {
    Document doc = DOMUtils.createDocument();
    Element detail = doc.createElementNS(null, "detail"); // CXF renames it s:Detail for SOAP 1.2
    Element e = doc.createElementNS(NetDuplex.WSMC_NS, "wsmc:UnsupportedSelection");
    String prefix = selection.getNamespaceURI().isEmpty() ? "" : "q";
    if (!prefix.isEmpty()) {
      e.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:q", selection.getNamespaceURI());
    }
    e.setTextContent(prefix.isEmpty() ? selection.getLocalPart() : prefix + ":" + selection.getLocalPart());
    detail.appendChild(e);
    return detail;
  }

  private static QName ndf(String local) {
    return new QName(FAULT_NS, local, "ndf");
  }
}
