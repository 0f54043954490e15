package org.netduplex.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.netduplex.core.DuplexMode;

/** The client's WCF settings and how they map (docs/protocol.md section 2). */
class DuplexClientConfigTest {
  @Test
  void thePollHttpTimeoutIsWcfsClientPollTimeoutOfFiveMinutesAndStaysAboveTheServerPollTimeout() {
    DuplexClientConfig defaults = DuplexClientConfig.builder().build();

    assertEquals(Duration.ofSeconds(15), defaults.serverPollTimeout());
    assertEquals(Duration.ofMinutes(5), defaults.clientPollTimeout());
    assertEquals(Duration.ofMinutes(5), defaults.pollHttpTimeout());
    // A server holding idle polls for 60 s (or 4 min) is served by a default client: its polls wait 5 min.
    assertTrue(defaults.pollHttpTimeout().compareTo(Duration.ofMinutes(4)) > 0);
    // A server poll timeout told to the client that is longer still lifts the HTTP timeout above it.
    assertEquals(Duration.ofSeconds(375),
        DuplexClientConfig.builder().serverPollTimeout(Duration.ofMinutes(6)).build().pollHttpTimeout());
    // A short ClientPollTimeout never goes below the server poll timeout plus the margin.
    assertEquals(Duration.ofSeconds(30),
        DuplexClientConfig.builder().clientPollTimeout(Duration.ofSeconds(10)).build().pollHttpTimeout());
    assertEquals(Duration.ofSeconds(90),
        defaults.toBuilder().clientPollTimeout(Duration.ofSeconds(90)).build().pollHttpTimeout());
  }

  @Test
  void defaultsAreWcfsWhereWcfHasOne() {
    DuplexClientConfig defaults = DuplexClientConfig.builder().build();

    assertEquals(Duration.ofMinutes(10), defaults.inactivityTimeout());
    assertEquals(DuplexMode.SINGLE_MESSAGE_PER_POLL, defaults.duplexMode());
    assertEquals(65_536, defaults.maxResponseBytes());
    assertTrue(defaults.closeSessionOnClose());
  }
}
