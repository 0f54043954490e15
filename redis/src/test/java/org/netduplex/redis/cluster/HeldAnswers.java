package org.netduplex.redis.cluster;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.cxf.Bus;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A node's test hook (the {@code hold} command): each poll answer is written to the client at once,
 * but its write is reported complete {@code holdMillis} later, so the engine acknowledges it to the
 * store that much later. A kill in between finds the answer delivered and still in flight in Redis:
 * the window in which at-least-once delivery repeats a message. A Jetty handler first in the
 * server's sequence, handing every request on to the handlers after it with its response wrapped.
 */
final class HeldAnswers extends Handler.Abstract {
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "held-answers");
    t.setDaemon(true);
    return t;
  });
  private volatile long holdMillis;

  /** Puts the hook first in the Jetty server of {@code port}, holding nothing until {@link #hold}. */
  static HeldAnswers install(Bus bus, int port) throws Exception {
    org.eclipse.jetty.server.Server jetty = bus.getExtension(JettyHTTPServerEngineFactory.class)
        .retrieveJettyHTTPServerEngine(port).getServer();
    Handler.Sequence sequence = (Handler.Sequence) jetty.getHandler();
    HeldAnswers hook = new HeldAnswers();
    List<Handler> handlers = new ArrayList<>(sequence.getHandlers());
    handlers.add(0, hook);
    sequence.setHandlers(handlers);
    return hook;
  }

  void hold(long millis) {
    holdMillis = millis;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    long hold = holdMillis;
    String action = request.getHeaders().get("SOAPAction");
    Response answer = hold > 0 && action != null && action.contains("MakeConnection") ? held(request, response, hold) : response;
    List<Handler> handlers = ((Handler.Sequence) getServer().getHandler()).getHandlers();
    for (Handler next : handlers.subList(handlers.indexOf(this) + 1, handlers.size())) {
      if (next.handle(request, answer, callback)) {
        return true;
      }
    }
    return false;
  }

  private Response held(Request request, Response response, long hold) {
    return new Response.Wrapper(request, response) {
      @Override
      public void write(boolean last, ByteBuffer content, Callback callback) {
        if (!last) {
          super.write(false, content, callback);
          return;
        }
        super.write(true, content, Callback.from(
            () -> timer.schedule(callback::succeeded, hold, TimeUnit.MILLISECONDS), callback::failed));
      }
    };
  }
}
