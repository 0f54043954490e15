package org.netduplex.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.netduplex.core.DuplexMode;

/** The server's settings carry WCF's names and defaults (docs/protocol.md section 2). */
class DuplexServerConfigTest {
  @Test
  void defaultsAreWcfsWhereWcfHasOne() {
    DuplexServerConfig c = DuplexServerConfig.builder().build();

    assertEquals(Duration.ofSeconds(15), c.pollTimeout());
    assertEquals(Duration.ofMinutes(10), c.inactivityTimeout());
    assertEquals(Duration.ofMinutes(1), c.callbackReplyTimeout()); // WCF's default SendTimeout
    assertEquals(DuplexMode.SINGLE_MESSAGE_PER_POLL, c.duplexMode());
    assertEquals(1_000, c.maxPendingMessagesPerSession());
    assertEquals(100_000, c.maxSessions());
  }

  @Test
  void theCallbackReplyTimeoutMustBePositiveAndSurvivesToBuilder() {
    assertThrows(IllegalArgumentException.class, () -> DuplexServerConfig.builder().callbackReplyTimeout(Duration.ZERO));
    DuplexServerConfig c = DuplexServerConfig.builder().callbackReplyTimeout(Duration.ofSeconds(5)).build();
    assertEquals(Duration.ofSeconds(5), c.toBuilder().build().callbackReplyTimeout());
  }

  @Test
  void theCloseDrainTimeoutIsTwiceTheDefaultPollTimeoutMustBePositiveAndSurvivesToBuilder() {
    assertEquals(Duration.ofSeconds(30), DuplexServerConfig.builder().build().closeDrainTimeout()); // a NetDuplex choice
    assertThrows(IllegalArgumentException.class, () -> DuplexServerConfig.builder().closeDrainTimeout(Duration.ZERO));
    DuplexServerConfig c = DuplexServerConfig.builder().closeDrainTimeout(Duration.ofSeconds(5)).build();
    assertEquals(Duration.ofSeconds(5), c.toBuilder().build().closeDrainTimeout());
  }

  @Test
  void theStreamedAnswerBoundsDefaultTo200MillisecondsAndTheBatchBudgetMustBePositiveAndSurviveToBuilder() {
    DuplexServerConfig d = DuplexServerConfig.builder().build();
    assertEquals(Duration.ofMillis(200), d.streamedAnswerWindow()); // a NetDuplex choice (section 19)
    assertEquals(65_536 - 1_024 - 64, d.maxBatchBytes()); // section 3's budget: a buffered batch fits 64 KiB
    assertThrows(IllegalArgumentException.class, () -> DuplexServerConfig.builder().streamedAnswerWindow(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> DuplexServerConfig.builder().maxBatchBytes(0));
    DuplexServerConfig c = DuplexServerConfig.builder().streamedAnswerWindow(Duration.ofSeconds(1)).maxBatchBytes(9_000).build();
    assertEquals(Duration.ofSeconds(1), c.toBuilder().build().streamedAnswerWindow());
    assertEquals(9_000, c.toBuilder().build().maxBatchBytes());
  }

  @Test
  void maxQueuedMessagesPerSessionIsAnAliasOfMaxPendingMessagesPerSession() {
    DuplexServerConfig c = DuplexServerConfig.builder().maxQueuedMessagesPerSession(7).build();

    assertEquals(7, c.maxPendingMessagesPerSession());
    assertEquals(7, c.maxQueuedMessagesPerSession());
  }
}
