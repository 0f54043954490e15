package org.netduplex.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class RefusalLogTest {
  private final AtomicLong now = new AtomicLong();
  private final List<String> lines = new ArrayList<>();
  private final Logger logger = Logger.getAnonymousLogger();
  private final RefusalLog log = new RefusalLog(logger, 3, now::get);

  RefusalLogTest() {
    logger.setUseParentHandlers(false);
    logger.addHandler(new Handler() {
      @Override
      public void publish(LogRecord r) {
        lines.add(r.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    });
  }

  @Test
  void aFloodIsCappedAndTheNextLineLetThroughSaysHowManyWereNotLogged() {
    for (int i = 0; i < 10; i++) {
      int n = i;
      log.warning(() -> "refusal " + n);
    }
    assertEquals(List.of("refusal 0", "refusal 1", "refusal 2"), lines);

    now.addAndGet(1_000_000_000L / 3 + 1); // one line's worth of time
    log.warning(() -> "refusal 10");
    log.warning(() -> "refusal 11");

    assertEquals(List.of("refusal 0", "refusal 1", "refusal 2",
        "7 more refused request(s) not logged (over 3 lines a second)", "refusal 10"), lines);
  }

  @Test
  void aQuietSecondRefillsTheBucketButNoMoreThanItsSize() {
    now.addAndGet(60_000_000_000L);
    for (int i = 0; i < 5; i++) {
      log.warning(() -> "refusal");
    }
    assertEquals(3, lines.size());
  }
}
