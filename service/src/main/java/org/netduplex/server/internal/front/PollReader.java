package org.netduplex.server.internal.front;

import java.io.ByteArrayInputStream;
import java.util.Set;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.netduplex.core.NetDuplex;
import org.netduplex.core.internal.DeliveryHeaders;
import org.netduplex.core.internal.SafeXml;
import org.netduplex.msbin.Msbin;
import org.netduplex.msbin.MsbinLimits;
import org.netduplex.server.internal.DeliveryAck;

/**
 * Reads a request body as a poll, in one streaming pass (text through {@link SafeXml}'s hardened
 * reader, binary through the msbin reader with the endpoint's limits). It answers only what it is
 * sure of: anything else (not a poll, a header it does not understand marked {@code mustUnderstand},
 * a selection it would fault, a malformed {@code nda:Ack}, unparseable XML) is null, and the request
 * goes on to CXF, whose chain gives the fault it always gave. So the fault table has one home.
 */
public final class PollReader {
  private static final String WSA = NetDuplex.WSA_NS;
  /** Headers a poll may carry with {@code mustUnderstand}: WS-Addressing's, which WCF's SOAP 1.2 polls mark. */
  private static final Set<QName> UNDERSTOOD = Set.of(new QName(WSA, "Action"), new QName(WSA, "To"),
      new QName(WSA, "MessageID"), new QName(WSA, "ReplyTo"), new QName(WSA, "From"), new QName(WSA, "FaultTo"),
      new QName(NetDuplex.DELIVERY_NS, DeliveryHeaders.ACK));
  private static final QName ACK = new QName(NetDuplex.DELIVERY_NS, DeliveryHeaders.ACK);
  private static final QName STREAMED_ANSWER = new QName(NetDuplex.DELIVERY_NS, DeliveryHeaders.STREAMED_ANSWER);

  private final MsbinLimits limits;

  /** Whether a poll may carry {@code header} marked {@code mustUnderstand}: the chain's path asks this too. */
  public static boolean understoodOnAPoll(QName header) {
    return UNDERSTOOD.contains(header);
  }

  public PollReader(MsbinLimits limits) {
    this.limits = limits;
  }

  /** The poll {@code body} holds, or null if CXF must decide what it is. */
  public PollRequest read(byte[] body, boolean binary) {
    XMLStreamReader reader = null;
    try {
      reader = binary ? Msbin.reader(body, limits)
          : SafeXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(body));
      return read(reader, binary);
    } catch (XMLStreamException | RuntimeException e) { // DuplexFault too: a selection the chain faults
      return null; // CXF reads it again and answers with its fault
    } finally {
      close(reader);
    }
  }

  private static PollRequest read(XMLStreamReader r, boolean binary) throws XMLStreamException {
    if (r.nextTag() != XMLStreamConstants.START_ELEMENT || !"Envelope".equals(r.getLocalName())) {
      return null;
    }
    String soapNs = r.getNamespaceURI();
    if (!NetDuplex.SOAP11_NS.equals(soapNs) && !NetDuplex.SOAP12_NS.equals(soapNs)) {
      return null;
    }
    DeliveryAck ack = null;
    boolean streamed = false;
    r.nextTag();
    if (isSoap(r, soapNs, "Header")) {
      while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
        QName header = r.getName();
        if (!understood(r, soapNs, header)) {
          return null; // CXF faults it: a mustUnderstand header nobody here understands
        }
        if (ACK.equals(header)) {
          ack = ack(r);
          if (ack == null) {
            return null;
          }
        } else {
          streamed |= STREAMED_ANSWER.equals(header);
          skipElement(r);
        }
      }
      r.nextTag();
    }
    if (!isSoap(r, soapNs, "Body") || r.nextTag() != XMLStreamConstants.START_ELEMENT
        || !MakeConnectionReader.MAKE_CONNECTION.equals(r.getName())) {
      return null;
    }
    String address = MakeConnectionReader.readAddress(r);
    return new PollRequest(NetDuplex.SOAP12_NS.equals(soapNs), binary, address, ack, streamed);
  }

  /** A header is understood unless it says {@code mustUnderstand} (or names a role: CXF decides those). */
  private static boolean understood(XMLStreamReader r, String soapNs, QName header) {
    if (r.getAttributeValue(soapNs, "role") != null || r.getAttributeValue(soapNs, "actor") != null) {
      return false;
    }
    String mu = r.getAttributeValue(soapNs, "mustUnderstand");
    return mu == null || "0".equals(mu.trim()) || "false".equals(mu.trim()) || UNDERSTOOD.contains(header);
  }

  /** The {@code nda:Ack} the reader is on, or null if its text is not a number from 0. */
  private static DeliveryAck ack(XMLStreamReader r) throws XMLStreamException {
    String stream = r.getAttributeValue(null, DeliveryHeaders.STREAM);
    long highest = DeliveryHeaders.number(r.getElementText());
    return highest < 0 ? null : new DeliveryAck(stream == null || stream.isEmpty() ? null : stream, highest);
  }

  private static boolean isSoap(XMLStreamReader r, String soapNs, String local) {
    return r.getEventType() == XMLStreamConstants.START_ELEMENT && soapNs.equals(r.getNamespaceURI())
        && local.equals(r.getLocalName());
  }

  private static void skipElement(XMLStreamReader r) throws XMLStreamException {
    for (int depth = 1; depth > 0; ) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private static void close(XMLStreamReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException ignored) {
        // nothing held: the body is in memory
      }
    }
  }
}
