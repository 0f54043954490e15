package org.netduplex.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.netduplex.testing.WireClient;

/** The raw handler's client: the same bodies as NetDuplex's, named by an {@code X-Client} header. */
final class RawProtocol implements ClientProtocol {
  @Override
  public CompletableFuture<HttpRequest> open(HttpClient http, URI base, boolean batch) {
    WireClient client = WireClient.random();
    HttpRequest register = post(base.resolve("/register"), client.sessionId, client.register()).build();
    HttpRequest.Builder poll = post(base.resolve("/poll"), client.sessionId, client.makeConnection());
    if (batch) {
      poll.header("X-Batch", "1");
    }
    return http.sendAsync(register, HttpResponse.BodyHandlers.discarding())
        .thenApply(r -> LoadGenerator.check(r, poll.build()));
  }

  private static HttpRequest.Builder post(URI uri, String client, String body) {
    return HttpRequest.newBuilder(uri)
        .timeout(POLL_TIMEOUT)
        .header("Content-Type", "text/xml; charset=utf-8")
        .header("X-Client", client)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
  }
}
