package org.netduplex.server.internal.jetty;

import java.nio.ByteBuffer;
import java.util.logging.Logger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.netduplex.server.internal.PollOutcome;
import org.netduplex.server.internal.front.PollExchange;
import org.netduplex.server.internal.front.PollFront;

/**
 * One poll on Jetty core: what a parked poll holds is this (the request and response Jetty keeps for
 * the open exchange anyway, its completion callback and the body bytes, for a hand-over to CXF).
 * Writes are asynchronous: no thread waits for a slow client.
 */
final class JettyPollExchange implements PollExchange {
  private static final Logger LOG = Logger.getLogger(JettyPollExchange.class.getName());
  private final JettyPollHandler handler;
  private final PollFront front;
  private final Request request;
  private final Response response;
  private final Callback callback;
  private final byte[] body;
  private volatile Runnable parkedCount;

  JettyPollExchange(JettyPollHandler handler, PollFront front, Request request, Response response, Callback callback,
      byte[] body) {
    this.handler = handler;
    this.front = front;
    this.request = request;
    this.response = response;
    this.callback = callback;
    this.body = body;
  }

  @Override
  public void park(Runnable containerEnded) {
    parkedCount = front.parkedRequest();
    // A client that goes away is found when its answer fails to write; its messages are then queued again.
  }

  @Override
  public void answer(String contentType, byte[] bytes, Runnable written, Runnable failed) {
    response.setStatus(HttpStatus.OK_200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    response.write(true, ByteBuffer.wrap(bytes), Callback.from(() -> {
      written.run();
      done();
      callback.succeeded();
    }, x -> {
      LOG.fine(() -> "Poll answer not written, messages kept: " + x);
      failed.run();
      done();
      callback.failed(x);
    }));
  }

  @Override
  public void startStream(String contentType) {
    response.setStatus(HttpStatus.OK_200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
  }

  @Override
  public void writeStream(byte[] bytes, boolean last, Runnable written, Runnable failed) {
    // Jetty core writes each non-last buffer out at once, as one chunk.
    response.write(last, ByteBuffer.wrap(bytes), Callback.from(() -> {
      written.run();
      if (last) {
        done();
        callback.succeeded();
      }
    }, x -> {
      LOG.fine(() -> "Streamed poll answer cut, unwritten messages kept: " + x);
      failed.run();
      done();
      callback.failed(x);
    }));
  }

  @Override
  public void answerEmpty() {
    response.setStatus(HttpStatus.OK_200);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
    response.write(true, null, Callback.from(() -> {
      done();
      callback.succeeded();
    }, x -> {
      done();
      callback.failed(x);
    }));
  }

  @Override
  public void passOn(PollOutcome decided) {
    Request replay = new Replay(request, body);
    if (decided != null) {
      replay.setAttribute(PollFront.DECIDED_OUTCOME, decided);
    }
    try {
      if (!handler.next().handle(replay, response, callback)) {
        Response.writeError(replay, response, callback, HttpStatus.NOT_FOUND_404);
      }
    } catch (Throwable t) {
      LOG.fine(() -> "CXF failed a poll handed on by the front: " + t);
      Response.writeError(replay, response, callback, t);
    } finally {
      done();
    }
  }

  private void done() {
    Runnable count = parkedCount;
    if (count != null) {
      count.run();
    }
  }

  /** The request again, its body from the bytes the front read. */
  private static final class Replay extends Request.Wrapper {
    private final Content.Source content;

    Replay(Request request, byte[] body) {
      super(request);
      this.content = new ByteBufferContentSource(ByteBuffer.wrap(body));
    }

    @Override
    public Content.Chunk read() {
      return content.read();
    }

    @Override
    public void demand(Runnable demandCallback) {
      content.demand(demandCallback);
    }

    @Override
    public void fail(Throwable failure) {
      content.fail(failure);
    }
  }
}
