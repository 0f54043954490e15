package org.netduplex.client.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.NetDuplex;
import org.netduplex.core.internal.Xml;

/**
 * Sends {@code netdx:CloseSession} when a client closes (docs/protocol.md section 4.1): a SOAP 1.1
 * message with an empty body whose {@code netdx:Duplex} header carries the close element. Best
 * effort with a bounded wait: a server that is gone or slow must not hold up {@code close()}.
 */
public final class SessionCloser {
  private static final Logger LOG = Logger.getLogger(SessionCloser.class.getName());

  private final URI endpoint;
  private final HttpClient http;
  private final Duration timeout;
  private final byte[] message;

  public SessionCloser(URI endpoint, DuplexHeader identity, HttpClient http, Duration timeout) {
    this.endpoint = endpoint;
    this.http = http;
    this.timeout = timeout;
    this.message = closeMessage(identity);
  }

  /** The close message; its action and body are not documented, so it has none (section 4.1). */
  static byte[] closeMessage(DuplexHeader identity) {
    return ("<s:Envelope xmlns:s=\"" + NetDuplex.SOAP11_NS + "\"><s:Header>"
        + "<netdx:Duplex xmlns:netdx=\"" + NetDuplex.NETDX_NS + "\">"
        + "<netdx:Address>" + Xml.escape(identity.address()) + "</netdx:Address>"
        + "<netdx:SessionId>" + Xml.escape(identity.sessionId()) + "</netdx:SessionId>"
        + "<netdx:CloseSession/></netdx:Duplex></s:Header><s:Body/></s:Envelope>").getBytes(StandardCharsets.UTF_8);
  }

  /** Sends the close and waits for the answer at most the timeout; never throws. */
  public void closeSession() {
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .timeout(timeout)
        .header("Content-Type", "text/xml; charset=utf-8")
        .header("SOAPAction", "\"\"")
        .POST(HttpRequest.BodyPublishers.ofByteArray(message))
        .build();
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
