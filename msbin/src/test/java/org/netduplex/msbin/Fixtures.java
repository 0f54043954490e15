package org.netduplex.msbin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The captured envelopes used as fixtures. */
public final class Fixtures {
  /** The captured WCF SOAP 1.1 poll answer of the StockService sample. */
  public static final String SOAP11_POLL_ANSWER = load("stock-poll-answer-soap11.xml");
  /**
   * The same answer in the form WCF's binary bindings send: SOAP 1.2 with WS-Addressing 1.0 and
   * {@code a:Action s:mustUnderstand="1"}.
   */
  public static final String SOAP12_POLL_ANSWER = load("stock-poll-answer-soap12.xml");

  private Fixtures() {}

  private static String load(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
