package org.netduplex.server.internal.jetty;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.netduplex.server.internal.front.PollFront;

/**
 * The poll front on CXF's embedded Jetty: a Jetty core handler in front of CXF's contexts (the
 * handler after it in the server's sequence). A request to an endpoint path with a front whose
 * headers say poll (or binary) has its body read with Jetty's non-blocking reads, and the front
 * serves it; everything else returns {@code false} at once, so Jetty hands it to CXF as before.
 * Blocking as Jetty counts it: a request handed on runs CXF's chain on the calling thread.
 */
public final class JettyPollHandler extends Handler.Abstract {
  private static final Logger LOG = Logger.getLogger(JettyPollHandler.class.getName());
  private final Map<String, PollFront> fronts = new ConcurrentHashMap<>();
  private volatile Handler next;

  void register(String path, PollFront front) {
    fronts.put(path, front);
  }

  void unregister(String path, PollFront front) {
    fronts.remove(path, front);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    PollFront front = fronts.isEmpty() ? null : fronts.get(Request.getPathInContext(request));
    if (front == null) {
      return false;
    }
    long length = request.getLength();
    PollFront.Candidate candidate = front.candidate(request.getMethod(),
        request.getHeaders().get(HttpHeader.CONTENT_TYPE), request.getHeaders().get("SOAPAction"), length);
    if (candidate == PollFront.Candidate.NONE) {
      return false;
    }
    boolean batch = PollFront.acceptsBatch(request.getHeaders().getValuesList(HttpHeader.ACCEPT));
    // A body of the declared length: bytes as they come, no thread held while they trickle in.
    Content.Source.asByteArrayAsync(request, (int) length).whenComplete((body, failure) -> {
      if (failure != null || body.length != length) {
        LOG.fine(() -> "Poll body unreadable: " + (failure != null ? failure.getMessage() : "short"));
        Response.writeError(request, response, callback, HttpStatus.BAD_REQUEST_400, "Unreadable request body");
        return;
      }
      try {
        front.serve(body, candidate, batch, new JettyPollExchange(this, front, request, response, callback, body));
      } catch (RuntimeException e) { // never a hung request: the future would swallow it
        LOG.warning(() -> "Poll not served: " + e);
        Response.writeError(request, response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, "Poll not served");
      }
    });
    return true;
  }

  /** CXF's contexts: the handler after this one in the server's sequence. */
  Handler next() {
    Handler n = next;
    if (n == null) {
      List<Handler> siblings = ((Handler.Sequence) getServer().getHandler()).getHandlers();
      n = siblings.get(siblings.indexOf(this) + 1);
      next = n;
    }
    return n;
  }
}
