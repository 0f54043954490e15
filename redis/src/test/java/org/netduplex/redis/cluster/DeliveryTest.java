package org.netduplex.redis.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The judge of the cluster tests: what counts as lost, duplicated and reordered. */
class DeliveryTest {
  @Test
  void aCleanSequenceHasNothingToReport() {
    Delivery d = new Delivery(0, 4, List.of(0L, 1L, 2L, 3L));
    assertEquals(0, d.lost());
    assertEquals(0, d.duplicates());
    assertEquals(0, d.reordered());
  }

  @Test
  void aRedeliveredAnswerIsADuplicateButNoReorder() {
    Delivery d = new Delivery(0, 4, List.of(0L, 1L, 1L, 2L, 3L));
    assertEquals(0, d.lost());
    assertEquals(1, d.duplicates());
    assertEquals(0, d.reordered());
  }

  @Test
  void aNumberThatComesBackLaterIsAReorder() {
    Delivery d = new Delivery(0, 4, List.of(0L, 1L, 2L, 1L, 3L));
    assertEquals(1, d.duplicates());
    assertEquals(1, d.reordered());
  }

  @Test
  void aMissingNumberIsLostWhereverItWouldHaveBeen() {
    Delivery d = new Delivery(0, 5, List.of(0L, 2L, 3L));
    assertEquals(2, d.lost()); // 1 in the middle, 4 at the end
    assertEquals(0, d.reordered());
    assertEquals("sent=5 received=3 lost=2 duplicates=0 reordered=0", Delivery.summary(List.of(d)));
  }
}
