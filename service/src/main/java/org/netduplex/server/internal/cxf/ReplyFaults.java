package org.netduplex.server.internal.cxf;

import java.nio.charset.StandardCharsets;
import org.netduplex.core.NetDuplex;
import org.netduplex.core.internal.Xml;

/**
 * The SOAP 1.2 fault that answers a request-reply call's POST when its reply could not be queued for
 * the session's polls. Written by hand: CXF has already written the reply by then, so its fault chain
 * cannot run again. It relates to the request, as a fault reply does.
 */
final class ReplyFaults {
  private ReplyFaults() {}

  /** {@code code} is {@code Sender} or {@code Receiver}; {@code subcode} a local name in NetDuplex's fault namespace. */
  static byte[] soap12(String relatesTo, String code, String subcode, String reason) {
    return ("<s:Envelope xmlns:s=\"" + NetDuplex.SOAP12_NS + "\" xmlns:a=\"" + NetDuplex.WSA_NS + "\"><s:Header>"
        + "<a:Action s:mustUnderstand=\"1\">" + FaultActionInterceptor.WSA_FAULT_ACTION + "</a:Action>"
        + "<a:RelatesTo>" + Xml.escape(relatesTo) + "</a:RelatesTo></s:Header><s:Body><s:Fault>"
        + "<s:Code><s:Value>s:" + code + "</s:Value><s:Subcode><s:Value xmlns:ndf=\"" + DuplexFaults.FAULT_NS
        + "\">ndf:" + subcode + "</s:Value></s:Subcode></s:Code>"
        + "<s:Reason><s:Text xml:lang=\"en\">" + Xml.escape(reason) + "</s:Text></s:Reason>"
        + "</s:Fault></s:Body></s:Envelope>").getBytes(StandardCharsets.UTF_8);
  }
}
