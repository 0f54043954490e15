package org.netduplex.benchmarks.runner;

import org.netduplex.benchmarks.Kind;

/**
 * Dots after each message's stamp so that a one-message answer body is {@value #ANSWER_BYTES} bytes on
 * every server, whatever its envelope (SOAP, Bayeux JSON, none). The load generator reports the size it
 * saw ({@code one-message answer body} in the table), which checks these numbers.
 */
final class Padding {
  static final int ANSWER_BYTES = 580;

  private Padding() {}

  static int of(Kind kind) {
    return switch (kind) {
      case NETDUPLEX -> 0;
      case COMETD -> 0;
      case RAW -> 0;
    };
  }
}
