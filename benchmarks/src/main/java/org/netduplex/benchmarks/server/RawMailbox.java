package org.netduplex.benchmarks.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One raw client's queue and its parked poll: the least a long-poll server must keep per session (the
 * async response and its callback, the timeout task, the queue). Answers are written outside the lock.
 */
final class RawMailbox {
  private final ArrayDeque<String> queue = new ArrayDeque<>();
  private final Credits<RawMailbox> credits;
  private Response parkedResponse;
  private Callback parkedCallback;
  private boolean parkedBatch;
  private ScheduledFuture<?> timeout;

  RawMailbox(Credits<RawMailbox> credits) {
    this.credits = credits;
  }

  /** A poll: answered now when something is queued, else parked until a message or the hold time. */
  void poll(Response response, Callback callback, boolean batch, ScheduledExecutorService timer) {
    String answer;
    synchronized (this) {
      answer = take(batch);
      if (answer == null) {
        Callback earlier = parkedCallback;
        Response earlierResponse = parkedResponse;
        cancelTimeout();
        parkedResponse = response;
        parkedCallback = callback;
        parkedBatch = batch;
        timeout = timer.schedule(this::expire, JettySettings.POLL_HOLD_MILLIS, TimeUnit.MILLISECONDS);
        if (earlier != null) {
          write(earlierResponse, earlier, ""); // a newer poll replaces it, as the other servers do
        }
        return;
      }
    }
    write(response, callback, answer);
  }

  void offer(String message) {
    Response response;
    Callback callback;
    String answer;
    synchronized (this) {
      queue.add(message);
      if (parkedCallback == null) {
        return;
      }
      response = parkedResponse;
      callback = parkedCallback;
      answer = take(parkedBatch);
      parkedResponse = null;
      parkedCallback = null;
      cancelTimeout();
    }
    write(response, callback, answer);
  }

  synchronized boolean parked() {
    return parkedCallback != null;
  }

  private void expire() {
    Response response;
    Callback callback;
    synchronized (this) {
      response = parkedResponse;
      callback = parkedCallback;
      parkedResponse = null;
      parkedCallback = null;
      timeout = null;
    }
    if (callback != null) {
      write(response, callback, "");
    }
  }

  /** One queued message, or all of them for a batch poll; null when none. Holds the lock. */
  private String take(boolean batch) {
    if (queue.isEmpty()) {
      return null;
    }
    if (!batch) {
      credits.delivered(this);
      return queue.poll();
    }
    StringBuilder all = new StringBuilder();
    while (!queue.isEmpty()) {
      credits.delivered(this);
      all.append(queue.poll());
    }
    return all.toString();
  }

  private void cancelTimeout() {
    if (timeout != null) {
      timeout.cancel(false);
      timeout = null;
    }
  }

  private static void write(Response response, Callback callback, String body) {
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }
}
