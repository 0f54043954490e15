package org.netduplex.micrometer;

import java.util.List;
import org.netduplex.server.DuplexMetrics;

/**
 * The values of the {@code code} tag of {@code netduplex.faults}: a fixed set, as a tag's values
 * should be, so a meter exists (at zero) before its first fault. They are the fault codes a
 * polling duplex endpoint answers with (README, "Faults"): NetDuplex's {@code ndf:} codes, the two
 * {@code wsmc:} ones, and SOAP's own codes, which CXF uses for unreadable input (SOAP 1.1
 * {@code Client}, 1.2 {@code Sender}) and for failures of service code ({@code Server},
 * {@code Receiver}). Any other code, such as a declared fault's, counts as {@link #OTHER}.
 */
public final class FaultCodes {
  /** The known codes, local names only. */
  public static final List<String> KNOWN = List.of(
      "MissingDuplexHeader", "MalformedDuplexHeader", "SessionEnded", "UnknownAddress", "AddressMismatch",
      "ServerTooBusy", "RequestTooLarge", "InvalidSessionId", "ServerMisconfigured", "MalformedCallbackReply", "CallbackQueueFull",
      "MissingSelection", "UnsupportedSelection",
      "Client", "Server", "Sender", "Receiver", "VersionMismatch", "MustUnderstand");

  /** The tag value of every code not in {@link #KNOWN}. */
  public static final String OTHER = "other";

  private FaultCodes() {}

  static long otherCount(DuplexMetrics metrics) {
    return metrics.faultsByCode().entrySet().stream()
        .filter(e -> !KNOWN.contains(e.getKey()))
        .mapToLong(e -> e.getValue())
        .sum();
  }
}
