package org.netduplex.server.internal.cxf;

import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.headers.Header;
import org.netduplex.core.NetDuplex;
import org.netduplex.core.internal.DeliveryHeaders;
import org.netduplex.server.internal.DeliveryAck;
import org.w3c.dom.Element;

/** Reads a poll's {@code nda:Ack} (docs/protocol.md section 15) from the SOAP headers CXF parsed, in any wire form. */
final class DeliveryAckReader {
  static final QName ACK = new QName(NetDuplex.DELIVERY_NS, DeliveryHeaders.ACK);

  private DeliveryAckReader() {}

  /**
   * The poll's ack, or null when it has none (a client that does not ack).
   *
   * @throws SoapFault (a Sender fault) if its text is not a number from 0
   */
  static DeliveryAck read(SoapMessage message) {
    for (Header h : message.getHeaders()) {
      if (ACK.equals(h.getName()) && h.getObject() instanceof Element e) {
        long highest = DeliveryHeaders.number(e.getTextContent());
        if (highest < 0) {
          throw new SoapFault("nda:Ack must hold a whole number from 0, the highest sequence number received",
              message.getVersion().getSender());
        }
        String stream = e.getAttributeNS(null, DeliveryHeaders.STREAM);
        return new DeliveryAck(stream == null || stream.isEmpty() ? null : stream, highest);
      }
    }
    return null;
  }
}
