package org.netduplex.server;

import java.util.UUID;
import org.netduplex.core.NetDuplex;

/** Request bodies shaped as in the captures, for a given identity. */
final class Requests {
  static final String REGISTER = "Silverlight/IStockService/Register";
  static final String SYNC = "Silverlight/IStockService/Sync";
  static final String MAKE_CONNECTION = NetDuplex.MAKE_CONNECTION_ACTION;

  final String address;
  final String sessionId;

  Requests(String address, String sessionId) {
    this.address = address;
    this.sessionId = sessionId;
  }

  static Requests newClient() {
    return new Requests(NetDuplex.WCF_ANONYMOUS_URI_PREFIX + UUID.randomUUID(), UUID.randomUUID().toString());
  }

  Requests anotherSessionOnSameAddress() {
    return new Requests(address, UUID.randomUUID().toString());
  }

  String register() {
    return envelope(duplexHeader(), "");
  }

  String sync(String symbol, String notes) {
    return envelope(duplexHeader(), "<Stock xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\""
        + " xmlns=\"urn:petermcg.wordpress.com\"><Ask>227.69</Ask><Bid>226.74</Bid><Notes>" + notes
        + "</Notes><Symbol>" + symbol + "</Symbol></Stock>");
  }

  String makeConnection() {
    return envelope("", "<wsmc:MakeConnection xmlns:wsmc=\"http://docs.oasis-open.org/ws-rx/wsmc/200702\">"
        + "<wsmc:Address>" + address + "</wsmc:Address></wsmc:MakeConnection>");
  }

  String duplexHeader() {
    return "<netdx:Duplex xmlns:netdx=\"http://schemas.microsoft.com/2008/04/netduplex\"><netdx:Address>"
        + address + "</netdx:Address><netdx:SessionId>" + sessionId + "</netdx:SessionId></netdx:Duplex>";
  }

  static String envelope(String header, String body) {
    return "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">"
        + (header.isEmpty() ? "" : "<s:Header>" + header + "</s:Header>")
        + "<s:Body>" + body + "</s:Body></s:Envelope>";
  }
}
