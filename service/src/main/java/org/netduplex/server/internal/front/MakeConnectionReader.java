package org.netduplex.server.internal.front;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.NetDuplex;
import org.netduplex.server.internal.DuplexFault;

/** Reads the body of a poll: {@code wsmc:MakeConnection} selecting by {@code wsmc:Address}. */
public final class MakeConnectionReader {
  public static final QName MAKE_CONNECTION = new QName(NetDuplex.WSMC_NS, "MakeConnection");

  /** WS-MC 1.1 section 5 reason texts, word for word as the RSP sample, Metro and WebLogic send them. */
  static final String MISSING_SELECTION_REASON = "The MakeConnection element did not contain any selection criteria";
  static final String UNSUPPORTED_SELECTION_REASON =
      "The extension element used in the message selection is not supported by the MakeConnection receiver";

  private MakeConnectionReader() {}

  /**
   * Moves {@code reader} from just inside {@code s:Body} to the first body element, skipping
   * whitespace only, and tells whether it is a {@code wsmc:MakeConnection}.
   */
  public static boolean atMakeConnection(XMLStreamReader reader) throws XMLStreamException {
    while (reader.getEventType() != XMLStreamConstants.START_ELEMENT
        && reader.getEventType() != XMLStreamConstants.END_ELEMENT
        && reader.hasNext()) {
      reader.next();
    }
    return reader.getEventType() == XMLStreamConstants.START_ELEMENT && MAKE_CONNECTION.equals(reader.getName());
  }

  /** Reads the polled address from a reader positioned on {@code wsmc:MakeConnection}. */
  public static String readAddress(XMLStreamReader reader) throws XMLStreamException {
    String address = null;
    QName other = null;
    int depth = 0;
    while (reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
        if (depth == 1 && isAddress(reader.getName())) {
          address = reader.getElementText().trim();
          depth--;
        } else if (depth == 1 && other == null) {
          other = reader.getName();
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        if (depth == 0) {
          break;
        }
        depth--;
      }
    }
    if (address != null && !address.isEmpty()) {
      if (address.length() > DuplexHeader.MAX_LENGTH) {
        throw new DuplexFault(DuplexFault.Kind.UNKNOWN_ADDRESS, "wsmc:Address is too long");
      }
      return address;
    }
    if (other != null) {
      throw new DuplexFault(DuplexFault.Kind.UNSUPPORTED_SELECTION,
          UNSUPPORTED_SELECTION_REASON, other);
    }
    throw new DuplexFault(DuplexFault.Kind.MISSING_SELECTION, MISSING_SELECTION_REASON);
  }

  private static boolean isAddress(QName name) {
    return NetDuplex.WSMC_NS.equals(name.getNamespaceURI()) && "Address".equals(name.getLocalPart());
  }
}
