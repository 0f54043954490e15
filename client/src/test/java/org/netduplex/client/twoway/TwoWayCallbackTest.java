package org.netduplex.client.twoway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.netduplex.client.ClientListener;
import org.netduplex.client.ClientState;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.client.PollingDuplexClient;
import org.netduplex.client.WireFormat;
import org.netduplex.server.CallbackChannels;
import org.netduplex.server.CallbackFaultException;
import org.netduplex.server.CallbackTimeoutException;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.DuplexSession;
import org.netduplex.server.SessionEndedException;
import org.netduplex.testing.Eventually;
import org.netduplex.testing.FakeScheduler;

/**
 * Two-way callbacks (a NetDuplex extension, docs/protocol.md section 13) on real CXF + Jetty over
 * loopback, in each wire format: the server's call waits for the client's answer, posted with
 * {@code RelatesTo}. The server's reply timeout runs on a {@link FakeScheduler}.
 */
class TwoWayCallbackTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration REPLY_TIMEOUT = Duration.ofMillis(500);

  private final FakeScheduler clock = new FakeScheduler();
  private final Player player = new Player();
  private final ExecutorService callers = Executors.newCachedThreadPool();
  private QuizServer server;
  private PollingDuplexClient<IQuizService> client;
  private DuplexSession session;

  /** The client's callback implementation: answers by the question's text. */
  static final class Player implements IQuizCallback {
    final LinkedBlockingQueue<String> asked = new LinkedBlockingQueue<>();
    final LinkedBlockingQueue<String> notices = new LinkedBlockingQueue<>();
    final CountDownLatch release = new CountDownLatch(1);
    final List<String> failures = new CopyOnWriteArrayList<>();

    @Override
    public Question ask(Question question) throws QuizRefusedException {
      asked.add(question.text);
      switch (question.text) {
        case "refuse" -> {
          QuizRefusal refusal = new QuizRefusal();
          refusal.why = "not my topic";
          throw new QuizRefusedException("refused", refusal);
        }
        case "boom" -> throw new IllegalStateException("boom");
        case "hold" -> await(release);
        default -> { }
      }
      return Question.of(question.text.toUpperCase());
    }

    @Override
    public void notice(Question notice) {
      notices.add(notice.text);
    }
  }

  private void start(WireFormat format) throws Exception {
    server = new QuizServer(DuplexServerConfig.builder().scheduler(clock).callbackReplyTimeout(REPLY_TIMEOUT).build(),
        format.isSoap12());
    client = PollingDuplexClient.builder(server.address)
        .callback(IQuizCallback.class, player)
        .listener(new ClientListener() {
          @Override
          public void callbackFailed(String operation, Throwable error) {
            player.failures.add(operation + ": " + error);
          }
        })
        .config(DuplexClientConfig.builder().wireFormat(format).build())
        .build(IQuizService.class);
    client.service().join(Question.of("p1"));
    session = server.service.joined.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  @AfterEach
  void stop() {
    player.release.countDown();
    callers.shutdownNow();
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private CompletableFuture<Question> askInBackground(String text) {
    IQuizCallback quiz = session.callback(IQuizCallback.class);
    CompletableFuture<Question> answer = new CompletableFuture<>();
    callers.execute(() -> {
      try {
        answer.complete(quiz.ask(Question.of(text)));
      } catch (Throwable e) {
        answer.completeExceptionally(e);
      }
    });
    return answer;
  }

  private static Throwable failureOf(CompletableFuture<?> answer) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> answer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    return e.getCause();
  }

  @ParameterizedTest
  @EnumSource(WireFormat.class)
  void theServersBlockingCallReturnsTheClientsValue(WireFormat format) throws Exception {
    start(format);
    assertEquals("HELLO", askInBackground("hello").get(WAIT.toMillis(), TimeUnit.MILLISECONDS).text);
    assertEquals("WORLD", askInBackground("world").get(WAIT.toMillis(), TimeUnit.MILLISECONDS).text);
    assertEquals(0, server.feature.metrics().lateCallbackReplies());
    assertEquals(ClientState.OPEN, client.state());
  }

  @ParameterizedTest
  @EnumSource(WireFormat.class)
  void theAsyncFormCompletesWithTheClientsValue(WireFormat format) throws Exception {
    start(format);
    CompletableFuture<Question> answer = session
        .callbackAsync(IQuizCallback.class, quiz -> quiz.ask(Question.of("async")))
        .toCompletableFuture();
    assertEquals("ASYNC", answer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).text);
  }

  @ParameterizedTest
  @EnumSource(WireFormat.class)
  void aDeclaredFaultFromTheClientArrivesAsTheDeclaredException(WireFormat format) throws Exception {
    start(format);
    QuizRefusedException refused = assertInstanceOf(QuizRefusedException.class, failureOf(askInBackground("refuse")));
    assertEquals("refused", refused.getMessage());
    assertEquals("not my topic", refused.getFaultInfo().why);
    QuizRefusedException async = assertInstanceOf(QuizRefusedException.class, failureOf(session
        .callbackAsync(IQuizCallback.class, quiz -> quiz.ask(Question.of("refuse"))).toCompletableFuture()));
    assertEquals("not my topic", async.getFaultInfo().why);
    assertTrue(player.failures.isEmpty(), "a declared fault is an answer, not a failure: " + player.failures);
  }

  @ParameterizedTest
  @EnumSource(WireFormat.class)
  void anUndeclaredExceptionOnTheClientArrivesAsACallbackFault(WireFormat format) throws Exception {
    start(format);
    CallbackFaultException fault = assertInstanceOf(CallbackFaultException.class, failureOf(askInBackground("boom")));
    assertEquals("IQuizCallback.ask", fault.operation());
    assertTrue(fault.getMessage().contains("IQuizCallback.ask threw IllegalStateException: boom"), fault.getMessage());
    Eventually.await("the client reports its failing callback", () -> player.failures.size() == 1);
    assertEquals("HI", askInBackground("hi").get(WAIT.toMillis(), TimeUnit.MILLISECONDS).text); // it goes on
  }

  @ParameterizedTest
  @EnumSource(WireFormat.class)
  void aClientThatDoesNotAnswerGivesACleanTimeoutAndItsLateAnswerIsDroppedAndCounted(WireFormat format)
      throws Exception {
    start(format);
    CompletableFuture<Question> answer = askInBackground("hold");
    assertEquals("hold", player.asked.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)); // the request reached the client
    Eventually.await("the call waits for its answer", () -> clock.pendingDelays().contains(REPLY_TIMEOUT));
    clock.advanceBy(REPLY_TIMEOUT);
    CallbackTimeoutException timeout = assertInstanceOf(CallbackTimeoutException.class, failureOf(answer));
    assertEquals("IQuizCallback.ask", timeout.operation());
    assertEquals(session, timeout.session());
    assertTrue(timeout.getMessage().startsWith("No answer to callback IQuizCallback.ask from duplex session "),
        timeout.getMessage());

    player.release.countDown(); // the answer comes after all
    Eventually.await("the late answer is counted", () -> server.feature.metrics().lateCallbackReplies() == 1);
    assertEquals("NEXT", askInBackground("next").get(WAIT.toMillis(), TimeUnit.MILLISECONDS).text);
    assertEquals(ClientState.OPEN, client.state());
  }

  @ParameterizedTest
  @EnumSource(WireFormat.class)
  void theAsyncFormTimesOutCleanlyAndItsStagesNeverRunOnTheTimer(WireFormat format) throws Exception {
    start(format);
    CompletableFuture<Thread> completedOn = new CompletableFuture<>();
    CompletableFuture<Question> answer = session
        .callbackAsync(IQuizCallback.class, quiz -> quiz.ask(Question.of("hold")))
        .whenComplete((value, error) -> completedOn.complete(Thread.currentThread()))
        .toCompletableFuture();
    assertEquals("hold", player.asked.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS));

    clock.advanceBy(REPLY_TIMEOUT); // the timer task runs here, on the test thread
    assertInstanceOf(CallbackTimeoutException.class, failureOf(answer));
    assertTrue(completedOn.get(WAIT.toMillis(), TimeUnit.MILLISECONDS) != Thread.currentThread(),
        "the caller's stage ran on the timer");
  }

  @ParameterizedTest
  @EnumSource(WireFormat.class)
  void aSessionThatEndsFailsEveryWaitingCallAtOnce(WireFormat format) throws Exception {
    start(format);
    CompletableFuture<Question> first = askInBackground("hold");
    assertEquals("hold", player.asked.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    CompletableFuture<Question> second = askInBackground("queued behind the first");
    Eventually.await("both calls wait", () -> clock.pendingDelays().stream().filter(REPLY_TIMEOUT::equals).count() == 2);

    session.close();
    assertInstanceOf(SessionEndedException.class, failureOf(first));
    assertInstanceOf(SessionEndedException.class, failureOf(second));
    assertThrows(SessionEndedException.class, () -> session.callback(IQuizCallback.class).ask(Question.of("after")));
  }

  @ParameterizedTest
  @EnumSource(WireFormat.class)
  void oneWayCallbacksAreUnchanged(WireFormat format) throws Exception {
    start(format);
    session.callback(IQuizCallback.class).notice(Question.of("round one")); // returns at once
    assertEquals("round one", player.notices.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    assertEquals(0, clock.pendingDelays().stream().filter(REPLY_TIMEOUT::equals).count());
    assertTrue(player.asked.isEmpty());
  }

  @ParameterizedTest
  @EnumSource(WireFormat.class)
  void aBroadcastRefusesATwoWayCallAndSendsNothing(WireFormat format) throws Exception {
    start(format);
    UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class,
        () -> CallbackChannels.broadcast(List.of(session), IQuizCallback.class, quiz -> {
          try {
            quiz.ask(Question.of("everyone"));
          } catch (QuizRefusedException e) {
            throw new AssertionError(e);
          }
        }));
    assertTrue(refused.getMessage().startsWith("IQuizCallback.ask returns a value"), refused.getMessage());
    assertEquals(0, session.queuedMessages());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
