package org.netduplex.codegen;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The test WSDLs under src/test/resources/wsdl, as files. */
final class Resources {
  private Resources() {
  }

  static Path wsdl(String relative) {
    URL url = Resources.class.getResource("/wsdl/" + relative);
    if (url == null) {
      throw new IllegalArgumentException("no test resource wsdl/" + relative);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
