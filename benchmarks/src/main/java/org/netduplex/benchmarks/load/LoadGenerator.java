package org.netduplex.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.netduplex.benchmarks.Kind;

/**
 * The one load generator of all three servers: one {@link HttpClient} (HTTP/1.1, 4 threads,
 * {@code sendAsync} only), each client on its own connection (a client has one request in flight at a
 * time, so the pool opens one connection per client), clients spread over 127.0.0.1 to 127.0.0.4 so
 * that ephemeral ports are not the limit. Every client polls again as soon as an answer arrives.
 */
final class LoadGenerator {
  private static final int OPENING_AT_ONCE = 256;
  private static final int HOSTS = 4;
  /**
   * A refused registration (a cluster node whose store answered too late refuses with a fault, as
   * NetDuplex's own client would be told to back off) is tried again a second later, this many times
   * in all, as a client would; each retry is counted in {@code state}.
   */
  private static final int OPEN_ATTEMPTS = 5;

  final Receipts receipts = new Receipts();
  private final ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
    Thread t = new Thread(r, "load-http");
    t.setDaemon(true);
    return t;
  });
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(30))
      .executor(threads)
      .build();
  private final AtomicInteger sessions = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong openRetries = new AtomicLong();
  private volatile String firstError = "none";
  private volatile boolean stopped;

  /**
   * Opens {@code count} more sessions; returns when each has registered and sent its first poll.
   * {@code streamed}: NetDuplex's batch polls ask for streamed answers (the others have none).
   */
  String open(Kind kind, int port, int count, boolean batch, boolean streamed) throws InterruptedException {
    ClientProtocol protocol = switch (kind) {
      case NETDUPLEX -> new NetDuplexProtocol(streamed);
      case COMETD -> new CometdProtocol();
      case RAW -> new RawProtocol();
    };
    Semaphore opening = new Semaphore(OPENING_AT_ONCE);
    AtomicInteger failed = new AtomicInteger();
    for (int i = 0; i < count; i++) {
      opening.acquire();
      URI base = URI.create("http://127.0.0." + (1 + sessions.get() % HOSTS) + ":" + port);
      sessions.incrementAndGet();
      openRetrying(protocol, base, batch, 1).whenComplete((poll, e) -> {
        opening.release();
        if (e != null) {
          failed.incrementAndGet();
          error(e);
        } else {
          poll(poll);
        }
      });
    }
    if (!opening.tryAcquire(OPENING_AT_ONCE, 120, TimeUnit.SECONDS)) {
      return "ERR registrations still open after 120 s";
    }
    return "OK sessions=" + sessions.get() + " failed=" + failed.get();
  }

  private CompletableFuture<HttpRequest> openRetrying(ClientProtocol protocol, URI base, boolean batch, int attempt) {
    return protocol.open(http, base, batch).handle((poll, e) -> {
      if (e == null) {
        return CompletableFuture.completedFuture(poll);
      }
      if (attempt >= OPEN_ATTEMPTS || stopped) {
        return CompletableFuture.<HttpRequest>failedFuture(e);
      }
      openRetries.incrementAndGet();
      return CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS, threads))
          .thenCompose(x -> openRetrying(protocol, base, batch, attempt + 1));
    }).thenCompose(f -> f);
  }

  private void poll(HttpRequest poll) {
    if (stopped) {
      return;
    }
    inFlight.incrementAndGet();
    http.sendAsync(poll, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
      long now = System.nanoTime();
      inFlight.decrementAndGet();
      if (e == null && r.statusCode() == 200) {
        receipts.answer(r.body(), now);
        poll(poll);
      } else {
        error(e != null ? e : new IllegalStateException("HTTP " + r.statusCode() + " " + r.body()));
        // Not a tight loop against a failing server: try again in a second.
        CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS, threads).execute(() -> poll(poll));
      }
    });
  }

  private void error(Throwable e) {
    if (errors.getAndIncrement() == 0) {
      firstError = String.valueOf(e).replaceAll("\\s+", "_");
    }
  }

  String state() {
    return "sessions=" + sessions.get() + " inFlight=" + inFlight.get() + " errors=" + errors.get()
        + " openRetries=" + openRetries.get()
        + " firstError=" + firstError;
  }

  void stop() {
    stopped = true;
    threads.shutdownNow();
  }

  /** A response that must be a success; returns {@code next}. */
  static <T> T check(HttpResponse<?> response, T next) {
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("HTTP " + response.statusCode() + " from " + response.uri());
    }
    return next;
  }
}
