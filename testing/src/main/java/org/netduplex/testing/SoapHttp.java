package org.netduplex.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Sends raw SOAP 1.1 requests over real HTTP, as a Silverlight client would. */
public final class SoapHttp {
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();
  private final URI endpoint;

  /**
   * A sender to {@code endpoint}, over HTTP/1.1, with a 60 s request timeout.
   *
   * @param endpoint the service's address
   */
  public SoapHttp(URI endpoint) {
    this.endpoint = endpoint;
  }

  /**
   * Posts {@code body} with {@code soapAction} (sent in quotes, as WCF does) and waits for the answer.
   *
   * @param soapAction the action, unquoted
   * @param body the whole envelope
   * @return the answer, whatever its status
   * @throws java.io.UncheckedIOException if the request fails
   * @throws IllegalStateException if the thread is interrupted
   */
  public HttpResponse<String> post(String soapAction, String body) {
    try {
      return postAsync(soapAction, body).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new UncheckedIOException(new IOException(e.getCause()));
    }
  }

  /**
   * As {@link #post} without waiting: for polls that park.
   *
   * @param soapAction the action, unquoted
   * @param body the whole envelope
   * @return the answer to come
   */
  public CompletableFuture<HttpResponse<String>> postAsync(String soapAction, String body) {
    return http.sendAsync(request(soapAction, body), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /**
   * Replays a captured request: its SOAPAction and body.
   *
   * @param request a captured request
   * @return the answer, whatever its status
   */
  public HttpResponse<String> replay(CapturedHttpMessage request) {
    return post(unquote(request.header("SOAPAction")), request.bodyText());
  }

  /**
   * As {@link #replay} without waiting.
   *
   * @param request a captured request
   * @return the answer to come
   */
  public CompletableFuture<HttpResponse<String>> replayAsync(CapturedHttpMessage request) {
    return postAsync(unquote(request.header("SOAPAction")), request.bodyText());
  }

  private HttpRequest request(String soapAction, String body) {
    return HttpRequest.newBuilder(endpoint)
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "text/xml; charset=utf-8")
        .header("SOAPAction", "\"" + soapAction + "\"")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
  }

  private static String unquote(String s) {
    return s != null && s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }
}
