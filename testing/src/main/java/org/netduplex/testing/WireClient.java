package org.netduplex.testing;

import java.util.UUID;
import org.netduplex.core.NetDuplex;

/**
 * One Silverlight-like client on the wire: its identity and its requests, shaped as in the captures
 * (SOAP 1.1, {@code netdx:Duplex} header, bare bodies).
 */
public final class WireClient {
  /** SOAPAction of the captured stock service's {@code Register}. */
  public static final String REGISTER = "Silverlight/IStockService/Register";
  /** SOAPAction of the captured stock service's {@code Sync}. */
  public static final String SYNC = "Silverlight/IStockService/Sync";
  /** SOAPAction of a poll. */
  public static final String MAKE_CONNECTION = NetDuplex.MAKE_CONNECTION_ACTION;

  /** The anonymous {@code netdx:Address}. */
  public final String address;
  /** The {@code netdx:SessionId}. */
  public final String sessionId;

  /**
   * A client with the given identity.
   *
   * @param address the anonymous address
   * @param sessionId the session id
   */
  public WireClient(String address, String sessionId) {
    this.address = address;
    this.sessionId = sessionId;
  }

  /**
   * A new client with a fresh address and session, as Silverlight makes them.
   *
   * @return the client
   */
  public static WireClient random() {
    return new WireClient(NetDuplex.WCF_ANONYMOUS_URI_PREFIX + UUID.randomUUID(), UUID.randomUUID().toString());
  }

  /**
   * A second session behind this client's address, with a fresh session id.
   *
   * @return the new client
   */
  public WireClient anotherSessionOnSameAddress() {
    return new WireClient(address, UUID.randomUUID().toString());
  }

  /**
   * A {@code Register} call of this session (an empty body).
   *
   * @return the envelope
   */
  public String register() {
    return call("");
  }

  /**
   * A service call of this session with {@code bodyXml} (one element, or empty) as its body.
   *
   * @param bodyXml the body's content, not escaped
   * @return the envelope
   */
  public String call(String bodyXml) {
    return envelope(duplexHeader(), bodyXml);
  }

  /**
   * A {@code Sync} call of this session with a captured {@code Stock} body.
   *
   * @param symbol the stock's symbol, not escaped
   * @param notes the stock's notes, not escaped
   * @return the envelope
   */
  public String sync(String symbol, String notes) {
    return envelope(duplexHeader(), "<Stock xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\""
        + " xmlns=\"urn:petermcg.wordpress.com\"><Ask>227.69</Ask><Bid>226.74</Bid><Notes>" + notes
        + "</Notes><Symbol>" + symbol + "</Symbol></Stock>");
  }

  /**
   * A poll of this client's address, as Silverlight sends it (no {@code netdx:Duplex} header).
   *
   * @return the envelope
   */
  public String makeConnection() {
    return envelope("", "<wsmc:MakeConnection xmlns:wsmc=\"http://docs.oasis-open.org/ws-rx/wsmc/200702\">"
        + "<wsmc:Address>" + address + "</wsmc:Address></wsmc:MakeConnection>");
  }

  /**
   * This session's {@code netdx:Duplex} header.
   *
   * @return the header element
   */
  public String duplexHeader() {
    return "<netdx:Duplex xmlns:netdx=\"http://schemas.microsoft.com/2008/04/netduplex\"><netdx:Address>"
        + address + "</netdx:Address><netdx:SessionId>" + sessionId + "</netdx:SessionId></netdx:Duplex>";
  }

  /**
   * The {@code netdx:SessionId} element as this class writes it, to find in responses.
   *
   * @return the element
   */
  public String sessionIdElement() {
    return "<netdx:SessionId>" + sessionId + "</netdx:SessionId>";
  }

  /**
   * A SOAP 1.1 envelope around {@code header} and {@code body}, not escaped.
   *
   * @param header header elements, or empty for no {@code s:Header}
   * @param body the body's content
   * @return the envelope
   */
  public static String envelope(String header, String body) {
    return "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">"
        + (header.isEmpty() ? "" : "<s:Header>" + header + "</s:Header>")
        + "<s:Body>" + body + "</s:Body></s:Envelope>";
  }
}
