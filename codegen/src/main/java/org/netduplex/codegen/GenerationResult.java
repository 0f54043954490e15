package org.netduplex.codegen;

import java.util.List;

/**
 * What a run did: the duplex portTypes it split, and what it left out of the contract on purpose
 * (bindings for transports CXF does not know, WS-Policy, WCF's {@code msc:} attributes), one line each.
 */
public record GenerationResult(List<DuplexContract> duplexContracts, List<String> skipped) {
  /**
   * A result; both lists are copied, so the record is immutable.
   *
   * @param duplexContracts the duplex portTypes split, in document order
   * @param skipped what was left out on purpose, one line each
   */
  public GenerationResult {
    duplexContracts = List.copyOf(duplexContracts);
    skipped = List.copyOf(skipped);
  }
}
