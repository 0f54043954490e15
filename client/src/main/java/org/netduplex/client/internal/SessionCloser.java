package org.netduplex.client.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.netduplex.core.DuplexHeader;

/**
 * Sends {@code netdx:CloseSession} when a client closes (docs/protocol.md section 4.1): a message
 * with an empty body whose {@code netdx:Duplex} header carries the close element. Best
 * effort with a bounded wait: a server that is gone or slow must not hold up {@code close()}.
 */
public final class SessionCloser {
  private static final Logger LOG = Logger.getLogger(SessionCloser.class.getName());

  private final URI endpoint;
  private final HttpClient http;
  private final Duration timeout;
  private final DuplexHeader identity;
  private final WireMessages wire;

  public SessionCloser(URI endpoint, DuplexHeader identity, WireMessages wire, HttpClient http, Duration timeout) {
    this.endpoint = endpoint;
    this.http = http;
    this.timeout = timeout;
    this.identity = identity;
    this.wire = wire;
  }

  /**
   * Sends the close, with {@code ackHeader} (null for none: a client that does not ack), and waits
   * for the answer at most the timeout; never throws.
   */
  public void closeSession(String ackHeader) {
    HttpRequest request = wire.closeSession(identity, ackHeader).request(endpoint, timeout);
    CompletableFuture<HttpResponse<Void>> sent = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    try {
      HttpResponse<Void> answer = sent.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (answer.statusCode() != 200) {
        LOG.fine(() -> "Server answered the session close with HTTP " + answer.statusCode());
      }
    } catch (TimeoutException e) {
      sent.cancel(true);
      LOG.fine(() -> "No answer to the session close within " + timeout + "; closing anyway");
    } catch (ExecutionException e) {
      LOG.fine(() -> "Session close not sent: " + e.getCause());
    } catch (InterruptedException e) {
      sent.cancel(true);
      Thread.currentThread().interrupt();
    }
  }
}
