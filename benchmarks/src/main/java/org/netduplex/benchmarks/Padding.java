package org.netduplex.benchmarks;

/**
 * Dots after each message's stamp so that a one-message answer body is {@value #ANSWER_BYTES} bytes on
 * every server, whatever its envelope (SOAP, Bayeux JSON, none). The load generator reports the size it
 * saw ({@code one-message answer body} in the table), which checks these numbers.
 */
public final class Padding {
  /** The size of every server's one-message answer body, in bytes. */
  public static final int ANSWER_BYTES = 580;

  private Padding() {}

  /**
   * The padding that brings {@code kind}'s answer body to {@value #ANSWER_BYTES} bytes.
   *
   * @param kind the server
   * @return dots to add after each stamp
   */
  public static int of(Kind kind) {
    return switch (kind) {
      case NETDUPLEX -> ANSWER_BYTES - 545; // SOAP 1.1 envelope, netdx/wsa headers, Stock body
      case COMETD -> ANSWER_BYTES - 110; // the JSON array of the message and the /meta/connect reply
      case RAW -> ANSWER_BYTES - 23; // the stamp alone
    };
  }
}
