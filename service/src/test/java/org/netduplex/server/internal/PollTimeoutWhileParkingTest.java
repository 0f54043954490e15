package org.netduplex.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netduplex.core.Cancellable;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.NetDuplex;
import org.netduplex.core.Scheduler;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.testing.FakeScheduler;

/**
 * A parked poll is visible (counted in {@code parkedPolls}) a moment before its timeout is armed.
 * The clock may pass the poll's deadline in that moment, as a test's fake clock does when it is
 * advanced as soon as the poll counts as parked: the timeout must still come when due, not one poll
 * timeout later (which, with nothing else moving the clock, left the poll to the container's 90 s).
 */
class PollTimeoutWhileParkingTest {
  private static final Duration POLL_TIMEOUT = Duration.ofSeconds(15);

  private final FakeScheduler clock = new FakeScheduler();
  /** Moves the clock past the deadline while the poll parks: between its publication and its timeout's arming. */
  private final ClockMovingWhileParking scheduler = new ClockMovingWhileParking(clock);
  private final DuplexEngine engine = new DuplexEngine(DuplexServerConfig.builder()
      .pollTimeout(POLL_TIMEOUT).scheduler(scheduler).build());

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void aDeadlinePassedWhileThePollParkedAnswersItEmptyAtOnce() {
    RealDuplexSession s = engine.sessionForCall(new DuplexHeader(NetDuplex.WCF_ANONYMOUS_URI_PREFIX + UUID.randomUUID(),
        UUID.randomUUID().toString()));
    DuplexEngineTest.RecordingWaiter poll = new DuplexEngineTest.RecordingWaiter();

    scheduler.moveOnNextPollTimeout = true;
    assertNull(engine.poll(s.address(), poll));

    assertEquals(List.of(PollOutcome.EMPTY), poll.outcomes, "the deadline passed; the clock is not moved again");
    assertEquals(0, engine.metrics().parkedPolls());
  }

  @Test
  void aPollParkedWithoutTheClockMovingStillWaitsItsWholeTimeout() {
    RealDuplexSession s = engine.sessionForCall(new DuplexHeader(NetDuplex.WCF_ANONYMOUS_URI_PREFIX + UUID.randomUUID(),
        UUID.randomUUID().toString()));
    DuplexEngineTest.RecordingWaiter poll = new DuplexEngineTest.RecordingWaiter();
    assertNull(engine.poll(s.address(), poll));

    clock.advanceBy(POLL_TIMEOUT.minusNanos(1));
    assertEquals(List.of(), poll.outcomes);
    clock.advanceBy(Duration.ofNanos(1));
    assertEquals(List.of(PollOutcome.EMPTY), poll.outcomes);
  }

  private static final class ClockMovingWhileParking implements Scheduler {
    private final FakeScheduler clock;
    volatile boolean moveOnNextPollTimeout;

    ClockMovingWhileParking(FakeScheduler clock) {
      this.clock = clock;
    }

    @Override
    public long nanoTime() {
      return clock.nanoTime();
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
      if (moveOnNextPollTimeout && delay.compareTo(POLL_TIMEOUT) <= 0) {
        moveOnNextPollTimeout = false;
        clock.advanceBy(POLL_TIMEOUT); // the poll is parked and counted; its timeout is not armed yet
      }
      return clock.schedule(task, delay);
    }
  }
}
