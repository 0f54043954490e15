package org.netduplex.server.internal.http;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Reads a request body with servlet non-blocking I/O into one buffer of at most {@code maxBytes}, so
 * a client that sends its body slowly holds memory for its bytes but no thread: the container calls
 * {@link #onDataAvailable} when bytes arrive, and {@code done} once with the outcome. The request
 * must be in async mode (its {@code AsyncContext} started) before {@link #start}. Servlet-only, no
 * CXF: anything in front of the endpoint can read bodies with it.
 */
public final class RequestBodyReader implements ReadListener {
  private static final int FIRST_BUFFER = 4_096;

  private final ServletInputStream in;
  private final int maxBytes;
  private final Consumer<RequestBody> done;
  private final AtomicBoolean finished = new AtomicBoolean();
  private byte[] buffer;
  private int length;

  private RequestBodyReader(ServletInputStream in, long declaredLength, int maxBytes, Consumer<RequestBody> done) {
    this.in = in;
    this.maxBytes = maxBytes;
    this.done = done;
    // Grown as bytes arrive, never sized by what the client declares: a declared length costs nothing
    // until the bytes come. One byte over the limit lets a body that goes past it be seen doing so.
    this.buffer = new byte[(int) Math.min(maxBytes + 1L, Math.min(FIRST_BUFFER, declaredLength >= 0 ? declaredLength + 1 : FIRST_BUFFER))];
  }

  /**
   * Starts reading {@code in} (of a request whose {@code AsyncContext} is started). {@code done} runs
   * once, on a container thread (possibly this one), with the body or why there is none.
   */
  public static void start(ServletInputStream in, long declaredLength, int maxBytes, Consumer<RequestBody> done) {
    in.setReadListener(new RequestBodyReader(in, declaredLength, maxBytes, done));
  }

  @Override
  public void onDataAvailable() {
    try {
      while (!finished.get() && in.isReady()) {
        if (length == buffer.length) {
          if (length > maxBytes) {
            finish(new RequestBody.TooLarge(maxBytes));
            return;
          }
          buffer = Arrays.copyOf(buffer, (int) Math.min(maxBytes + 1L, buffer.length * 2L));
        }
        int n = in.read(buffer, length, buffer.length - length);
        if (n < 0) {
          return; // onAllDataRead follows
        }
        length += n;
        if (length > maxBytes) {
          finish(new RequestBody.TooLarge(maxBytes));
          return;
        }
      }
    } catch (IOException e) {
      onError(e);
    }
  }

  @Override
  public void onAllDataRead() {
    finish(length > maxBytes ? new RequestBody.TooLarge(maxBytes) : new RequestBody.Complete(buffer, length));
  }

  @Override
  public void onError(Throwable t) {
    finish(new RequestBody.Unreadable(reason(t)));
  }

  private void finish(RequestBody outcome) {
    if (finished.compareAndSet(false, true)) {
      buffer = outcome instanceof RequestBody.Complete ? buffer : null;
      done.accept(outcome);
    }
  }

  /** What went wrong, in words a client can act on: never a class name or a stack. */
  static String reason(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      String m = c.getMessage();
      if (m != null && m.toLowerCase(java.util.Locale.ROOT).contains("chunk")) {
        return "bad chunked transfer encoding";
      }
      if (c instanceof java.io.EOFException || (m != null && m.toLowerCase(java.util.Locale.ROOT).contains("eof"))) {
        return "the connection ended before the whole body arrived";
      }
    }
    return "the connection failed while the body was read";
  }
}
