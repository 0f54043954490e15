package org.netduplex.client.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Collects a response body up to a limit; a longer body fails the exchange instead of filling memory. */
public final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {
  private final int maxBytes;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  private BoundedBodySubscriber(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The body went past the limit; the rest was not read. */
  public static final class TooLargeException extends IOException {
    TooLargeException(int maxBytes) {
      super("a poll answer larger than " + maxBytes + " bytes");
    }
  }

  public static HttpResponse.BodyHandler<byte[]> handler(int maxBytes) {
    return info -> new BoundedBodySubscriber(maxBytes);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    this.subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer b : items) {
      if (buffer.size() + b.remaining() > maxBytes) {
        subscription.cancel();
        result.completeExceptionally(new TooLargeException(maxBytes));
        return;
      }
      byte[] chunk = new byte[b.remaining()];
      b.get(chunk);
      buffer.writeBytes(chunk);
    }
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    result.complete(buffer.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }
}
