package org.netduplex.benchmarks.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

/**
 * The floor: a Jetty 12 core handler doing the least a long-poll server can. {@code POST /register}
 * opens a mailbox named by the {@code X-Client} header; {@code POST /poll} reads the whole body (the
 * same MakeConnection envelope NetDuplex gets, not parsed) and is answered at once or parked without a
 * thread; a poll with {@code X-Batch} takes everything queued. One timer thread runs the hold timeouts.
 */
final class RawJettyServer implements BenchServer<RawMailbox> {
  private final Server jetty = JettySettings.server("raw-http");
  private final Map<String, RawMailbox> mailboxes = new ConcurrentHashMap<>();
  private final List<RawMailbox> opened = new ArrayList<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "raw-poll-timeouts");
    t.setDaemon(true);
    return t;
  });

  RawJettyServer(String host, int port, Credits<RawMailbox> credits) throws Exception {
    JettySettings.connector(jetty, host, port);
    jetty.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String client = request.getHeaders().get("X-Client");
        String path = Request.getPathInContext(request);
        Content.Source.asString(request); // the whole request body, as every server reads it
        if (client == null) {
          Response.writeError(request, response, callback, 400, "no X-Client header");
        } else if (path.equals("/register")) {
          if (mailboxes.putIfAbsent(client, new RawMailbox(credits)) == null) {
            synchronized (opened) {
              opened.add(mailboxes.get(client));
            }
          }
          response.setStatus(200);
          callback.succeeded();
        } else if (path.equals("/poll") && mailboxes.containsKey(client)) {
          mailboxes.get(client).poll(response, callback, request.getHeaders().contains("X-Batch"), timer);
        } else {
          Response.writeError(request, response, callback, 404, "no such client or path");
        }
        return true;
      }
    });
    jetty.start();
  }

  @Override
  public List<RawMailbox> sessions() {
    synchronized (opened) {
      return List.copyOf(opened);
    }
  }

  @Override
  public int parkedPolls() {
    int parked = 0;
    for (RawMailbox m : mailboxes.values()) {
      parked += m.parked() ? 1 : 0;
    }
    return parked;
  }

  @Override
  public void send(RawMailbox mailbox, String payload) {
    mailbox.offer(payload);
  }

  @Override
  public void broadcast(String payload) {
    for (RawMailbox m : sessions()) {
      m.offer(payload);
    }
  }

  @Override
  public void close() {
    try {
      jetty.stop();
    } catch (Exception e) {
      throw new IllegalStateException("Jetty did not stop: " + e.getMessage(), e);
    }
    timer.shutdownNow();
  }
}
