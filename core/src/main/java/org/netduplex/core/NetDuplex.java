package org.netduplex.core;

/** Names of the polling duplex protocol: namespaces, actions and URIs seen on the wire. */
public final class NetDuplex {
  /** SOAP 1.1 envelope namespace: the one WCF's polling duplex speaks by default (capture A–F). */
  public static final String SOAP11_NS = "http://schemas.xmlsoap.org/soap/envelope/";
  /** SOAP 1.2 envelope namespace, for WCF custom bindings with a SOAP 1.2 text encoding. */
  public static final String SOAP12_NS = "http://www.w3.org/2003/05/soap-envelope";
  /** WS-Addressing 1.0 namespace, which SOAP 1.2 bindings of WCF use. */
  public static final String WSA_NS = "http://www.w3.org/2005/08/addressing";
  /** Net Duplex header namespace. */
  public static final String NETDX_NS = "http://schemas.microsoft.com/2008/04/netduplex";
  /** WS-MakeConnection 1.1 namespace. */
  public static final String WSMC_NS = "http://docs.oasis-open.org/ws-rx/wsmc/200702";
  /** Namespace of NetDuplex's own fault codes ({@code ndf:SessionEnded}, ...): WCF's are not documented. */
  public static final String FAULTS_NS = "urn:netduplex:faults";
  /**
   * Namespace of NetDuplex's acknowledged delivery headers ({@code nda:Ack} on polls,
   * {@code nda:Sequence} on messages; docs/protocol.md section 15): no WCF source has them.
   */
  public static final String DELIVERY_NS = "urn:netduplex:delivery";
  /** XML Schema instance namespace, for {@code i:nil}. */
  public static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

  /** SOAPAction of a poll (capture C). */
  public static final String MAKE_CONNECTION_ACTION = WSMC_NS + "/MakeConnection";

  /** The anonymous URI template of WS-MakeConnection 1.1, section 3.1: {@code ...?id=} + a unique id. */
  public static final String ANONYMOUS_URI_PREFIX = WSMC_NS + "/anonymous?id=";
  /** The same template as WCF and Silverlight spell it on the wire (capture A): "anoynmous". */
  public static final String WCF_ANONYMOUS_URI_PREFIX = WSMC_NS + "/anoynmous?id=";

  private NetDuplex() {}
}
