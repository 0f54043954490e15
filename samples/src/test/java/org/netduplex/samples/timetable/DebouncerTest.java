package org.netduplex.samples.timetable;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.netduplex.testing.FakeScheduler;

/** A burst of change events reads the file once, after the burst. */
class DebouncerTest {
  private static final Duration QUIET = Duration.ofMillis(200);
  private final FakeScheduler scheduler = new FakeScheduler();
  private final AtomicInteger runs = new AtomicInteger();
  private final Debouncer debouncer = new Debouncer(scheduler, QUIET, Runnable::run, runs::incrementAndGet);

  @Test
  void aBurstOfEventsRunsTheActionOnceAfterTheLastOne() {
    debouncer.trigger();
    scheduler.advanceBy(Duration.ofMillis(150));
    debouncer.trigger();
    scheduler.advanceBy(Duration.ofMillis(150));
    debouncer.trigger();
    scheduler.advanceBy(Duration.ofMillis(199));
    assertEquals(0, runs.get());
    scheduler.advanceBy(Duration.ofMillis(1));
    assertEquals(1, runs.get());
    assertEquals(0, scheduler.pendingTaskCount());
  }

  @Test
  void eventsAfterTheQuietTimeRunTheActionAgain() {
    debouncer.trigger();
    scheduler.advanceBy(QUIET);
    debouncer.trigger();
    scheduler.advanceBy(QUIET);
    assertEquals(2, runs.get());
  }

  @Test
  void nothingRunsAfterClose() {
    debouncer.trigger();
    debouncer.close();
    debouncer.trigger();
    scheduler.advanceBy(QUIET.multipliedBy(2));
    assertEquals(0, runs.get());
    assertEquals(0, scheduler.pendingTaskCount());
  }
}
