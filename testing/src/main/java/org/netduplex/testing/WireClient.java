package org.netduplex.testing;

import java.util.UUID;
import org.netduplex.core.NetDuplex;

/**
 * One Silverlight-like client on the wire: its identity and its requests, shaped as in the captures
 * (SOAP 1.1, {@code netdx:Duplex} header, bare bodies).
 */
public final class WireClient {
  public static final String REGISTER = "Silverlight/IStockService/Register";
  public static final String SYNC = "Silverlight/IStockService/Sync";
  public static final String MAKE_CONNECTION = NetDuplex.MAKE_CONNECTION_ACTION;

  public final String address;
  public final String sessionId;

  public WireClient(String address, String sessionId) {
    this.address = address;
    this.sessionId = sessionId;
  }

  /** A new client with a fresh address and session, as Silverlight makes them. */
  public static WireClient random() {
    return new WireClient(NetDuplex.WCF_ANONYMOUS_URI_PREFIX + UUID.randomUUID(), UUID.randomUUID().toString());
  }

  public WireClient anotherSessionOnSameAddress() {
    return new WireClient(address, UUID.randomUUID().toString());
  }

  public String register() {
    return call("");
  }

  /** A service call of this session with {@code bodyXml} (one element, or empty) as its body. */
  public String call(String bodyXml) {
    return envelope(duplexHeader(), bodyXml);
  }

  public String sync(String symbol, String notes) {
    return envelope(duplexHeader(), "<Stock xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\""
        + " xmlns=\"urn:petermcg.wordpress.com\"><Ask>227.69</Ask><Bid>226.74</Bid><Notes>" + notes
        + "</Notes><Symbol>" + symbol + "</Symbol></Stock>");
  }

  public String makeConnection() {
    return envelope("", "<wsmc:MakeConnection xmlns:wsmc=\"http://docs.oasis-open.org/ws-rx/wsmc/200702\">"
        + "<wsmc:Address>" + address + "</wsmc:Address></wsmc:MakeConnection>");
  }

  public String duplexHeader() {
    return "<netdx:Duplex xmlns:netdx=\"http://schemas.microsoft.com/2008/04/netduplex\"><netdx:Address>"
        + address + "</netdx:Address><netdx:SessionId>" + sessionId + "</netdx:SessionId></netdx:Duplex>";
  }

  /** The {@code netdx:SessionId} element as this class writes it, to find in responses. */
  public String sessionIdElement() {
    return "<netdx:SessionId>" + sessionId + "</netdx:SessionId>";
  }

  public static String envelope(String header, String body) {
    return "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">"
        + (header.isEmpty() ? "" : "<s:Header>" + header + "</s:Header>")
        + "<s:Body>" + body + "</s:Body></s:Envelope>";
  }
}
