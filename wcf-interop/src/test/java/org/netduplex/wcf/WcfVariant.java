package org.netduplex.wcf;

/** The three wire forms a WCF polling duplex client speaks, and the endpoint of {@link WcfPeerStockServer} for each. */
enum WcfVariant {
  /** SOAP 1.1 text, as the captured Silverlight 2 client. */
  SOAP11_TEXT("soap11", false),
  /** SOAP 1.2 + WS-Addressing 1.0, text ({@code PollingDuplexHttpBinding} with {@code UseTextEncoding}). */
  SOAP12_TEXT("soap12", true),
  /** SOAP 1.2 + WS-Addressing 1.0 in .NET binary, {@code application/soap+msbin1} (Silverlight 3+'s default). */
  SOAP12_BINARY("soap12bin", true);

  final String program;
  final boolean soap12;

  WcfVariant(String program, boolean soap12) {
    this.program = program;
    this.soap12 = soap12;
  }

  String url(WcfPeerStockServer server) {
    return soap12 ? server.soap12Url : server.soap11Url;
  }
}
