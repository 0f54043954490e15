package org.netduplex.codegen.internal;

/** The namespaces of a WCF-exported WSDL that the rewrite reads or removes. */
final class Names {
  static final String WSDL = "http://schemas.xmlsoap.org/wsdl/";
  static final String SOAP11 = "http://schemas.xmlsoap.org/wsdl/soap/";
  static final String SOAP12 = "http://schemas.xmlsoap.org/wsdl/soap12/";
  static final String XSD = "http://www.w3.org/2001/XMLSchema";
  static final String XML = "http://www.w3.org/XML/1998/namespace";
  static final String XMLNS = "http://www.w3.org/2000/xmlns/";
  /** The transport URI of SOAP over HTTP in WSDL 1.1 SOAP 1.1 and SOAP 1.2 bindings alike. */
  static final String SOAP_HTTP_TRANSPORT = "http://schemas.xmlsoap.org/soap/http";
  static final String SOAP12_HTTP_TRANSPORT = "http://www.w3.org/2003/05/soap/bindings/HTTP/";
  /** WS-Policy 1.2 (WCF's export) and 1.5. */
  static final String POLICY_2004 = "http://schemas.xmlsoap.org/ws/2004/09/policy";
  static final String POLICY_15 = "http://www.w3.org/ns/ws-policy";
  /** WCF's contract extensions: msc:usingSession, msc:isInitiating, msc:isTerminating. */
  static final String MSC = "http://schemas.microsoft.com/ws/2005/12/wsdl/contract";
  static final String WSA10 = "http://www.w3.org/2005/08/addressing";
  static final String WSA2004 = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
  static final String WSAW = "http://www.w3.org/2006/05/addressing/wsdl";
  static final String WSAM = "http://www.w3.org/2007/05/addressing/metadata";
  static final String JAXWS_BINDINGS = "https://jakarta.ee/xml/ns/jaxws";

  private Names() {
  }
}
