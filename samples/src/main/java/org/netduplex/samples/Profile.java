package org.netduplex.samples;

import java.net.URI;
import java.util.Locale;
import org.netduplex.client.WireFormat;

/**
 * Which Silverlight a console client speaks like, and so which endpoint of a sample server it uses:
 * {@code sl2}, SOAP 1.1 text at the service's address (as captured); {@code sl3}, the default binding of
 * Silverlight 3+, SOAP 1.2 + WS-Addressing in .NET binary at {@code <address>-soap12}.
 */
public enum Profile {
  SL2(WireFormat.SOAP11_TEXT, "", "Silverlight 2: SOAP 1.1 text"),
  SL3(WireFormat.SOAP12_BINARY, SampleServer.SOAP12_SUFFIX, "Silverlight 3+: SOAP 1.2 + WS-Addressing, binary");

  private final WireFormat wireFormat;
  private final String suffix;
  private final String description;

  Profile(WireFormat wireFormat, String suffix, String description) {
    this.wireFormat = wireFormat;
    this.suffix = suffix;
    this.description = description;
  }

  /** {@code sl2} or {@code sl3}, in any case. */
  public static Profile named(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  public WireFormat wireFormat() {
    return wireFormat;
  }

  /** The endpoint of the service at {@code address} (its SOAP 1.1 one) that speaks this profile. */
  public URI endpoint(URI address) {
    return URI.create(address + suffix);
  }

  public String description() {
    return description;
  }
}
