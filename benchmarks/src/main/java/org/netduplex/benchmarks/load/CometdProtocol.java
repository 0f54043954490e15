package org.netduplex.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bayeux long polling at the wire level, as CometD's JavaScript client speaks it: handshake (keeping
 * the {@code BAYEUX_BROWSER} cookie), subscribe to the broadcast channel, then {@code /meta/connect}
 * polls. CometD batches whatever is queued by itself; {@code batch} changes nothing. One
 * {@code BayeuxClient} per session would not be the same load generator as the other two get.
 */
final class CometdProtocol implements ClientProtocol {
  private static final Pattern CLIENT_ID = Pattern.compile("\"clientId\"\\s*:\\s*\"([^\"]+)\"");

  @Override
  public CompletableFuture<HttpRequest> open(HttpClient http, URI base, boolean batch) {
    URI uri = base.resolve("/cometd");
    String handshake = "[{\"id\":\"1\",\"channel\":\"/meta/handshake\",\"version\":\"1.0\","
        + "\"minimumVersion\":\"1.0\",\"supportedConnectionTypes\":[\"long-polling\"]}]";
    return http.sendAsync(json(uri, null, handshake).build(), HttpResponse.BodyHandlers.ofString())
        .thenCompose(r -> {
          LoadGenerator.check(r, null);
          Matcher m = CLIENT_ID.matcher(r.body());
          if (!m.find()) {
            throw new IllegalStateException("handshake refused: " + r.body());
          }
          String clientId = m.group(1);
          String cookie = r.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]).orElse(null);
          String subscribe = "[{\"id\":\"2\",\"channel\":\"/meta/subscribe\",\"clientId\":\"" + clientId
              + "\",\"subscription\":\"/bcast\"}]";
          HttpRequest connect = json(uri, cookie, "[{\"id\":\"3\",\"channel\":\"/meta/connect\",\"clientId\":\""
              + clientId + "\",\"connectionType\":\"long-polling\"}]").build();
          return http.sendAsync(json(uri, cookie, subscribe).build(), HttpResponse.BodyHandlers.ofString())
              .thenApply(s -> {
                if (!s.body().contains("\"successful\":true")) {
                  throw new IllegalStateException("subscribe refused: " + s.body());
                }
                return LoadGenerator.check(s, connect);
              });
        });
  }

  private static HttpRequest.Builder json(URI uri, String cookie, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri)
        .timeout(POLL_TIMEOUT)
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return b;
  }
}
