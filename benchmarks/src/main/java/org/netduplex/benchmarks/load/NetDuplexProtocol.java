package org.netduplex.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.netduplex.msbin.Msbin;
import org.netduplex.testing.WireClient;

/**
 * A Silverlight-like client on the wire: the captured SOAP 1.1 {@code Register} with its
 * {@code netdx:Duplex} header, then {@code wsmc:MakeConnection} polls ({@code Accept: multipart/mixed}
 * for batches, as NetDuplex's client sends in {@code MULTIPLE_MESSAGES_PER_POLL}, and with
 * {@code streamed} its {@code nda:StreamedAnswer} header too, docs/protocol.md section 19); with
 * {@link LoadMain#BINARY_PROPERTY}, the polls in msbin1, as Silverlight's default binary encoding sends them.
 */
final class NetDuplexProtocol implements ClientProtocol {
  private static final boolean BINARY = Boolean.getBoolean(LoadMain.BINARY_PROPERTY);
  private static final String STREAMED_ANSWER = "<nda:StreamedAnswer xmlns:nda=\"urn:netduplex:delivery\"/>";
  private final boolean streamed;

  /** {@code streamed}: batch polls ask for a streamed answer. */
  NetDuplexProtocol(boolean streamed) {
    this.streamed = streamed;
  }

  @Override
  public CompletableFuture<HttpRequest> open(HttpClient http, URI base, boolean batch) {
    WireClient client = WireClient.random();
    URI uri = base.resolve("/StockService");
    HttpRequest register = soap(uri, WireClient.REGISTER, client.register()).build();
    String makeConnection = batch && streamed
        ? client.makeConnection().replace("<s:Body>", "<s:Header>" + STREAMED_ANSWER + "</s:Header><s:Body>")
        : client.makeConnection();
    HttpRequest.Builder poll = BINARY ? binary(uri, WireClient.MAKE_CONNECTION, makeConnection)
        : soap(uri, WireClient.MAKE_CONNECTION, makeConnection);
    if (batch) {
      poll.header("Accept", "multipart/mixed, text/xml; charset=utf-8");
    }
    return http.sendAsync(register, HttpResponse.BodyHandlers.discarding())
        .thenApply(r -> LoadGenerator.check(r, poll.build()));
  }

  /** The same SOAP 1.1 poll in msbin1: its answers come in msbin1 too (the stamps stay readable text). */
  private static HttpRequest.Builder binary(URI uri, String action, String body) {
    try {
      return HttpRequest.newBuilder(uri)
          .timeout(POLL_TIMEOUT)
          .header("Content-Type", Msbin.CONTENT_TYPE)
          .header("SOAPAction", "\"" + action + "\"")
          .POST(HttpRequest.BodyPublishers.ofByteArray(Msbin.fromText(body)));
    } catch (javax.xml.stream.XMLStreamException e) {
      throw new IllegalStateException("the poll does not encode as msbin1", e);
    }
  }

  private static HttpRequest.Builder soap(URI uri, String action, String body) {
    return HttpRequest.newBuilder(uri)
        .timeout(POLL_TIMEOUT)
        .header("Content-Type", "text/xml; charset=utf-8")
        .header("SOAPAction", "\"" + action + "\"")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
  }
}
