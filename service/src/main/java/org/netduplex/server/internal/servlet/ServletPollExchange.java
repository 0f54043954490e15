package org.netduplex.server.internal.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;
import org.netduplex.server.internal.PollOutcome;
import org.netduplex.server.internal.cxf.PollResponseWriter;
import org.netduplex.server.internal.front.PollAnswer;
import org.netduplex.server.internal.front.PollExchange;
import org.netduplex.server.internal.front.PollFront;

/**
 * One poll in a servlet container. It starts on the request thread; parking starts servlet async,
 * and from then on answers are written on a container thread ({@link AsyncContext#start}), never on
 * the thread that woke the poll (the scheduler, a service call). A hand-over to CXF from async mode
 * is an {@code ASYNC} dispatch that the filter turns into the request again, its body from memory.
 */
public final class ServletPollExchange implements PollExchange {
  private static final Logger LOG = Logger.getLogger(ServletPollExchange.class.getName());
  /** Request attribute: the body of a poll handed on to CXF by an ASYNC dispatch. */
  private static final String HANDED_OVER = "netduplex.front.handedOverBody";

  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private final PollFront front;
  private final byte[] body;
  private volatile AsyncContext async;
  private volatile Runnable parkedCount;
  private boolean handOverNow; // request thread only
  /** The container thread running one of this request's async callbacks now, if any: it may write itself. */
  private volatile Thread inCallback;

  private ServletPollExchange(PollFront front, HttpServletRequest request, HttpServletResponse response,
      AsyncContext async, byte[] body) {
    this.front = front;
    this.request = request;
    this.response = response;
    this.async = async;
    this.body = body;
  }

  /**
   * Serves a poll whose body was read on the request thread, which is still running; a poll the front
   * hands on goes through {@code chain} on this thread.
   */
  public static void serveOnRequestThread(PollFront front, HttpServletRequest request, HttpServletResponse response,
      FilterChain chain, byte[] body, PollFront.Candidate candidate, boolean batch) throws IOException, ServletException {
    ServletPollExchange exchange = new ServletPollExchange(front, request, response, null, body);
    front.serve(body, candidate, batch, exchange);
    if (exchange.handOverNow) {
      chain.doFilter(new BufferedBodyRequest(request, body), response);
    }
  }

  /** Serves a poll whose body was read in async mode. */
  public static void serveAsync(PollFront front, HttpServletRequest request, HttpServletResponse response,
      AsyncContext async, byte[] body, PollFront.Candidate candidate, boolean batch) {
    front.serve(body, candidate, batch, new ServletPollExchange(front, request, response, async, body));
  }

  /** Ends a request the front could not serve (its body unreadable: {@code 400}) with {@code status}, no body. */
  public static void endWith(HttpServletResponse response, AsyncContext async, int status) {
    response.setStatus(status);
    response.setContentLength(0);
    async.complete();
  }

  /**
   * If {@code request} is the ASYNC dispatch of a poll the front handed on, runs it through
   * {@code chain} with its body and returns true.
   */
  public static boolean passOnIfHandedOver(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request.getAttribute(HANDED_OVER) instanceof byte[] body)) {
      return false;
    }
    request.removeAttribute(HANDED_OVER);
    chain.doFilter(new BufferedBodyRequest(request, body), response);
    return true;
  }

  @Override
  public void park(Runnable containerEnded) {
    AsyncContext a = async;
    if (a == null) {
      a = request.startAsync(request, response);
      a.setTimeout(0); // the engine's scheduler times polls out
      async = a;
    }
    parkedCount = front.parkedRequest();
    a.addListener(new AsyncListener() {
      @Override
      public void onComplete(AsyncEvent event) {
        done();
      }

      @Override
      public void onTimeout(AsyncEvent event) {
        answerInCallback(containerEnded);
      }

      @Override
      public void onError(AsyncEvent event) {
        answerInCallback(containerEnded); // as the chain's path does: an empty answer, not the container's error page
      }

      @Override
      public void onStartAsync(AsyncEvent event) {}
    });
  }

  @Override
  public void answer(String contentType, byte[] bytes, Runnable written, Runnable failed) {
    onContainerThread(() -> {
      boolean ok;
      try {
        ok = PollResponseWriter.write(response, new PollAnswer(contentType, bytes, java.util.List.of()));
      } catch (RuntimeException e) {
        ok = false;
      }
      (ok ? written : failed).run();
      complete();
    });
  }

  @Override
  public void startStream(String contentType) {
    if (async == null) { // still on the request thread: the answer outlives it
      AsyncContext a = request.startAsync(request, response);
      a.setTimeout(0);
      async = a;
    }
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(contentType);
  }

  @Override
  public void writeStream(byte[] bytes, boolean last, Runnable written, Runnable failed) {
    onContainerThread(() -> { // a blocking write and flush, on a container thread only while it writes
      try {
        response.getOutputStream().write(bytes);
        response.flushBuffer();
      } catch (IOException | RuntimeException e) {
        LOG.fine(() -> "Streamed poll answer cut, unwritten messages kept: " + e);
        failed.run();
        complete();
        return;
      }
      written.run();
      if (last) {
        complete();
      }
    });
  }

  @Override
  public void answerEmpty() {
    onContainerThread(() -> {
      try {
        PollResponseWriter.writeEmpty(response);
      } catch (RuntimeException e) {
        LOG.fine(() -> "Empty poll answer not written: " + e);
      }
      complete();
    });
  }

  @Override
  public void passOn(PollOutcome decided) {
    if (decided != null) {
      request.setAttribute(PollFront.DECIDED_OUTCOME, decided);
    }
    AsyncContext a = async;
    if (a == null) {
      handOverNow = true; // not parked: still on the request thread, which hands it on once serve returns
      return;
    }
    request.setAttribute(HANDED_OVER, body);
    a.dispatch();
  }

  /**
   * Runs {@code answer} on the container's callback thread and lets it write there: a stopping
   * container (Jetty closes connections before its applications) may never run a task handed to
   * {@link AsyncContext#start}, and writes its error page once the callback returns unanswered.
   */
  private void answerInCallback(Runnable answer) {
    inCallback = Thread.currentThread();
    try {
      answer.run();
    } finally {
      inCallback = null;
    }
  }

  private void onContainerThread(Runnable write) {
    AsyncContext a = async;
    if (a == null || inCallback == Thread.currentThread()) {
      write.run(); // still on the request thread, or in a container callback
    } else {
      a.start(write);
    }
  }

  private void complete() {
    AsyncContext a = async;
    if (a != null) {
      try {
        a.complete();
      } catch (IllegalStateException e) {
        LOG.fine(() -> "Poll request already ended by the container: " + e);
      }
    }
    done();
  }

  private void done() {
    Runnable count = parkedCount;
    if (count != null) {
      count.run();
    }
  }
}
