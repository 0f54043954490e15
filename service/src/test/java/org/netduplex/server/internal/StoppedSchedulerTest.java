package org.netduplex.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.NetDuplex;
import org.netduplex.core.SystemScheduler;
import org.netduplex.server.DuplexServerConfig;

/** A poll that parks while the endpoint stops finds the timers gone: it is answered, not failed. */
class StoppedSchedulerTest {
  @Test
  void aPollParkedAfterTheTimersStoppedIsAnsweredEmptyAtOnce() {
    SystemScheduler timers = new SystemScheduler("stopped-timers", 1);
    try (DuplexEngine engine = new DuplexEngine(DuplexServerConfig.builder().scheduler(timers).build())) {
      RealDuplexSession s = engine.sessionForCall(new DuplexHeader(
          NetDuplex.WCF_ANONYMOUS_URI_PREFIX + UUID.randomUUID(), UUID.randomUUID().toString()));
      timers.close();
      DuplexEngineTest.RecordingWaiter poll = new DuplexEngineTest.RecordingWaiter();

      assertNull(engine.poll(s.address(), poll));

      assertEquals(List.of(PollOutcome.EMPTY), poll.outcomes);
      assertEquals(0, engine.metrics().parkedPolls());
      assertEquals(1, engine.metrics().pollsAnsweredEmpty());
    }
  }
}
