package org.netduplex.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.netduplex.core.NetDuplex;
import org.netduplex.testing.CapturedHttpMessage;

/**
 * A stand-in for a WCF polling duplex service on a loopback port: service calls get the captured
 * one-way answer (B), polls get whatever the test scripted (captured D/F, or hostile bytes), or an
 * empty 200 after a short wait, as WCF's poll timeout does. Records every request.
 */
final class FakeWcfServer implements AutoCloseable {
  /** One scripted poll answer: status, headers (Content-Length is computed) and body. */
  record Answer(int status, Map<String, String> headers, byte[] body) {
    static Answer captured(String resource) {
      CapturedHttpMessage m = CapturedHttpMessage.fromResource(resource);
      return new Answer(200, m.headers(), m.body());
    }

    static Answer text(int status, String contentType, String body) {
      return new Answer(status, Map.of("content-type", contentType), body.getBytes(StandardCharsets.UTF_8));
    }
  }

  record Request(String soapAction, String body) {}

  final List<Request> requests = new CopyOnWriteArrayList<>();
  private final LinkedBlockingQueue<Answer> pollAnswers = new LinkedBlockingQueue<>();
  private final HttpServer http;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  FakeWcfServer() throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    http.createContext("/StockService", this::handle);
    http.setExecutor(threads);
    http.start();
  }

  URI address() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/StockService");
  }

  void answerNextPoll(Answer answer) {
    pollAnswers.add(answer);
  }

  long polls() {
    return requests.stream().filter(r -> r.soapAction().contains("MakeConnection")).count();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String action = String.valueOf(exchange.getRequestHeaders().getFirst("SOAPAction"));
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(new Request(action, body));
      Answer answer = action.equals("\"" + NetDuplex.MAKE_CONNECTION_ACTION + "\"") ? nextPollAnswer() : emptyOk();
      answer.headers().forEach((name, value) -> {
        if (!name.equalsIgnoreCase("content-length")) {
          exchange.getResponseHeaders().add(name, value);
        }
      });
      exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer.body());
      }
    }
  }

  private Answer nextPollAnswer() {
    try {
      Answer a = pollAnswers.poll(200, TimeUnit.MILLISECONDS);
      return a != null ? a : emptyOk();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return emptyOk();
    }
  }

  /** Captured B: {@code 200} with {@code Content-Length: 0}. */
  private static Answer emptyOk() {
    CapturedHttpMessage b = CapturedHttpMessage.fromResource("/captures/B-register.response.http");
    return new Answer(200, b.headers(), new byte[0]);
  }

  @Override
  public void close() {
    http.stop(0);
    threads.shutdownNow();
  }
}
