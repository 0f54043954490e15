package org.netduplex.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.NetDuplex;
import org.netduplex.server.CallbackQueueFullException;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.DuplexSession;
import org.netduplex.server.DuplexSessionListener;
import org.netduplex.server.SessionEndReason;
import org.netduplex.testing.FakeScheduler;

/** The engine's in-flight list (docs/protocol.md section 15) without CXF, under fake time. */
class AcknowledgedDeliveryTest {
  private static final DeliveryAck FIRST = new DeliveryAck(null, 0);

  private final FakeScheduler scheduler = new FakeScheduler();
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final DuplexEngine engine = new DuplexEngine(DuplexServerConfig.builder()
      .maxPendingMessagesPerSession(4)
      .scheduler(scheduler)
      .listener(new DuplexSessionListener() {
        @Override
        public void messageDelivered(DuplexSession session) {
          assertFalse(Thread.holdsLock(((RealDuplexSession) session).mailbox), "listener called under the lock");
          events.add("delivered");
        }

        @Override
        public void sessionEnded(DuplexSession session, SessionEndReason reason) {
          events.add("ended " + reason);
        }
      })
      .build());

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void aPollWithoutAnyAckGetsUnnumberedMessagesAsBefore() {
    RealDuplexSession s = open();
    engine.send(s, message("wcf"));
    QueuedMessage m = deliver(engine.poll(s.address(), null, new Waiter()));
    assertFalse(m.numbered());
    assertNull(m.sequenceHeader());
    engine.delivered(m);
    assertEquals(1, engine.metrics().messagesDelivered(), "written is delivered for an address that does not ack");
  }

  @Test
  void theFirstAckNumbersFromOneAndWrittenIsNotDelivered() {
    RealDuplexSession s = open();
    engine.send(s, message("a"));
    engine.send(s, message("b"));
    QueuedMessage a = deliver(engine.poll(s.address(), FIRST, new Waiter()));
    assertEquals(1, a.sequence());
    assertTrue(a.sequenceHeader().contains("stream=\"" + a.stream() + "\">1</nda:Sequence>"), a.sequenceHeader());
    engine.delivered(a); // written

    assertEquals(0, engine.metrics().messagesDelivered());
    assertEquals(2, s.queuedMessages(), "one in flight, one queued");
    assertEquals(List.of(), events);
  }

  @Test
  void anAckReleasesWhatItCoversAndTheNextMessageGetsTheNextNumber() {
    RealDuplexSession s = open();
    engine.send(s, message("a"));
    engine.send(s, message("b"));
    QueuedMessage a = deliver(engine.poll(s.address(), FIRST, new Waiter()));

    QueuedMessage b = deliver(engine.poll(s.address(), new DeliveryAck(a.stream(), 1), new Waiter()));

    assertEquals("b", text(b));
    assertEquals(2, b.sequence());
    assertEquals(a.stream(), b.stream());
    assertEquals(1, engine.metrics().messagesDelivered());
    assertEquals(List.of("delivered"), events);
    assertEquals(1, s.queuedMessages());
  }

  @Test
  void aPollWithoutAckOrWithAnotherStreamGetsTheSameMessageAgainWithItsNumber() {
    RealDuplexSession s = open();
    engine.send(s, message("a"));
    engine.send(s, message("b"));
    QueuedMessage a = deliver(engine.poll(s.address(), FIRST, new Waiter()));

    QueuedMessage again = deliver(engine.poll(s.address(), null, new Waiter()));
    QueuedMessage third = deliver(engine.poll(s.address(), new DeliveryAck("an-earlier-mailbox", 1), new Waiter()));
    QueuedMessage fourth = deliver(engine.poll(s.address(), new DeliveryAck(null, 1), new Waiter()));

    for (QueuedMessage m : List.of(again, third, fourth)) {
      assertEquals("a", text(m));
      assertEquals(1, m.sequence());
    }
    assertEquals(0, engine.metrics().messagesDelivered());
  }

  @Test
  void anAckBeyondWhatWasSentReleasesEverythingInFlight() {
    RealDuplexSession s = open();
    engine.send(s, message("a"));
    QueuedMessage a = deliver(engine.poll(s.address(), FIRST, new Waiter()));

    Waiter parked = new Waiter();
    assertNull(engine.poll(s.address(), new DeliveryAck(a.stream(), 99), parked));

    assertEquals(1, engine.metrics().messagesDelivered());
    engine.send(s, message("b"));
    assertEquals(2, deliver(parked.outcomes.get(0)).sequence(), "numbering goes on from what was sent");
  }

  @Test
  void aBatchResendsWhatIsInFlightFirstInOrderThenTakesQueuedOnes() {
    RealDuplexSession s = open();
    engine.send(s, message("1"));
    engine.send(s, message("2"));
    QueuedMessage one = deliver(engine.poll(s.address(), FIRST, new Waiter()));
    List<QueuedMessage> rest = engine.takeMore(one, 64, 65_536, true);
    assertEquals(List.of(2L), rest.stream().map(QueuedMessage::sequence).toList());
    engine.send(s, message("3"));

    QueuedMessage again = deliver(engine.poll(s.address(), null, new Waiter())); // the answer was lost
    List<QueuedMessage> more = engine.takeMore(again, 64, 65_536, true);

    assertEquals(1, again.sequence());
    assertEquals(List.of("2", "3"), more.stream().map(AcknowledgedDeliveryTest::text).toList());
    assertEquals(List.of(2L, 3L), more.stream().map(QueuedMessage::sequence).toList());
  }

  @Test
  void aBatchBudgetCountsTheSequenceHeader() {
    RealDuplexSession s = open();
    engine.send(s, message("1"));
    engine.send(s, message("2"));
    QueuedMessage one = deliver(engine.poll(s.address(), FIRST, new Waiter()));
    QueuedMessage unnumbered = new QueuedMessage(s, message("2"), 0);

    long exactWithoutHeader = one.batchBytes(true) + unnumbered.batchBytes(true);
    assertTrue(engine.takeMore(one, 64, exactWithoutHeader, true).isEmpty(), "the header does not fit");
  }

  @Test
  void aMessageHandedToAParkedPollIsNumberedAndStaysInFlight() {
    RealDuplexSession s = open();
    Waiter parked = new Waiter();
    assertNull(engine.poll(s.address(), FIRST, parked));

    engine.send(s, message("pushed"));

    QueuedMessage pushed = deliver(parked.outcomes.get(0));
    assertEquals(1, pushed.sequence());
    assertEquals(1, s.queuedMessages());
    assertEquals(pushed, deliver(engine.poll(s.address(), null, new Waiter())));
  }

  @Test
  void aWriteFailureLeavesTheMessageInFlightAheadOfTheQueue() {
    RealDuplexSession s = open();
    engine.send(s, message("a"));
    engine.send(s, message("b"));
    QueuedMessage a = deliver(engine.poll(s.address(), FIRST, new Waiter()));

    engine.redeliver(a);

    assertEquals(2, s.queuedMessages(), "not queued a second time");
    assertEquals(a, deliver(engine.poll(s.address(), new DeliveryAck(a.stream(), 0), new Waiter())));
  }

  @Test
  void messagesInFlightCountAgainstTheSessionBound() {
    RealDuplexSession s = open();
    for (int i = 0; i < 4; i++) {
      engine.send(s, message("m" + i));
    }
    QueuedMessage first = deliver(engine.poll(s.address(), FIRST, new Waiter()));
    engine.takeMore(first, 64, 65_536, true); // all four in flight, none queued

    assertThrows(CallbackQueueFullException.class, () -> engine.send(s, message("one too many")));
    engine.poll(s.address(), new DeliveryAck(first.stream(), 4), new Waiter());
    engine.send(s, message("room again"));
  }

  @Test
  void anEndedSessionDropsItsMessagesInFlight() {
    RealDuplexSession s = open();
    engine.send(s, message("a"));
    deliver(engine.poll(s.address(), FIRST, new Waiter()));

    s.close();

    assertEquals(1, engine.metrics().messagesDropped());
    assertEquals(0, engine.metrics().messagesDelivered());
  }

  @Test
  void aMessageThatCannotBeEncodedLeavesTheFlightAndIsCountedDroppedOnce() {
    RealDuplexSession s = open();
    engine.send(s, message("unencodable"));
    QueuedMessage m = deliver(engine.poll(s.address(), FIRST, new Waiter()));

    engine.undeliverable(m);
    engine.undeliverable(m);

    assertEquals(1, engine.metrics().messagesDropped());
    assertNull(engine.poll(s.address(), null, new Waiter()), "nothing to resend: the poll parks");
  }

  @Test
  void aHalfClosedSessionEndsWhenItsLastMessageIsAckedNotWhenItIsWritten() {
    RealDuplexSession s = open();
    engine.send(s, message("last"));
    QueuedMessage last = deliver(engine.poll(s.address(), FIRST, new Waiter()));
    engine.closeByClient(s);
    engine.delivered(last);
    assertFalse(s.ended());

    engine.poll(s.address(), new DeliveryAck(last.stream(), 1), new Waiter());

    assertTrue(s.ended());
    assertEquals(List.of("delivered", "ended CLOSED_BY_CLIENT"), events);
  }

  @Test
  void sessionsBehindOneAddressShareOneNumbering() {
    String address = NetDuplex.WCF_ANONYMOUS_URI_PREFIX + UUID.randomUUID();
    RealDuplexSession s1 = open(address);
    RealDuplexSession s2 = open(address);
    engine.send(s1, message("to 1"));
    engine.send(s2, message("to 2"));
    QueuedMessage first = deliver(engine.poll(address, FIRST, new Waiter()));
    QueuedMessage second = engine.takeMore(first, 64, 65_536, true).get(0);

    assertEquals(List.of(1L, 2L), List.of(first.sequence(), second.sequence()));
    assertEquals(first.stream(), second.stream());
    assertNotEquals(first.session(), second.session());
  }

  @Test
  void anotherMailboxOfTheSameAddressHasAnotherStream() {
    RealDuplexSession s = open();
    engine.send(s, message("a"));
    String firstStream = deliver(engine.poll(s.address(), FIRST, new Waiter())).stream();
    s.close();
    RealDuplexSession again = open(s.address());
    engine.send(again, message("b"));

    QueuedMessage b = deliver(engine.poll(s.address(), new DeliveryAck(firstStream, 1), new Waiter()));

    assertNotEquals(firstStream, b.stream());
    assertEquals(1, b.sequence(), "a new mailbox numbers from 1");
  }

  private RealDuplexSession open() {
    return open(NetDuplex.WCF_ANONYMOUS_URI_PREFIX + UUID.randomUUID());
  }

  private RealDuplexSession open(String address) {
    return engine.sessionForCall(new DuplexHeader(address, UUID.randomUUID().toString()));
  }

  private static CallbackMessage message(String text) {
    return new CallbackMessage(("<m>" + text + "</m>").getBytes(StandardCharsets.UTF_8), "urn:test");
  }

  private static QueuedMessage deliver(PollOutcome outcome) {
    return assertInstanceOf(PollOutcome.Deliver.class, outcome).message();
  }

  private static String text(QueuedMessage m) {
    String xml = new String(m.message().body(), StandardCharsets.UTF_8);
    return xml.substring(3, xml.length() - 4);
  }

  static final class Waiter implements PollWaiter {
    final List<PollOutcome> outcomes = new CopyOnWriteArrayList<>();

    @Override
    public void wake(PollOutcome outcome) {
      outcomes.add(outcome);
    }
  }
}
