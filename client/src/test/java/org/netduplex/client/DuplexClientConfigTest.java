package org.netduplex.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.netduplex.core.DuplexMode;

/** The client's WCF settings and how they map (docs/protocol.md section 2). */
class DuplexClientConfigTest {
  @Test
  void thePollHttpTimeoutPlaysClientPollTimeoutAndStaysAboveTheServerPollTimeout() {
    DuplexClientConfig defaults = DuplexClientConfig.builder().build();

    assertEquals(Duration.ofSeconds(15), defaults.serverPollTimeout());
    assertEquals(Duration.ofSeconds(30), defaults.pollHttpTimeout());
    assertTrue(defaults.pollHttpTimeout().compareTo(defaults.serverPollTimeout()) > 0);
    // WCF's ClientPollTimeout of 5 minutes, when wanted:
    assertEquals(Duration.ofMinutes(5),
        DuplexClientConfig.builder().pollTimeoutMargin(Duration.ofSeconds(285)).build().pollHttpTimeout());
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
