package org.netduplex.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** How one client of a server opens its session; the poll it then sends again and again. */
interface ClientProtocol {
  /** Longer than any server's hold time (180 s), so no poll is given up while parked. */
  Duration POLL_TIMEOUT = Duration.ofSeconds(200);

  /**
   * Opens one session on {@code base} and completes with the poll request to repeat. {@code batch}
   * asks for every queued message in one answer where the server needs asking.
   */
  CompletableFuture<HttpRequest> open(HttpClient http, URI base, boolean batch);
}
