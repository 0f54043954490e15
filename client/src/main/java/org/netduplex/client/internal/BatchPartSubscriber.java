package org.netduplex.client.internal;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.netduplex.core.internal.BatchPartReader;
import org.netduplex.core.internal.MessageBatch;

/**
 * Reads a batch poll answer ({@code multipart/mixed}, docs/protocol.md sections 3 and 19) as its
 * bytes arrive and hands each part on the moment it is complete, so a streamed answer's messages
 * reach the application while the answer is still open; a buffered batch reads the same way. Holds
 * one part at a time, each within the client's {@code maxResponseBytes}. Its body is empty: the
 * parts went to the sink. Any other answer is collected whole by {@link BoundedBodySubscriber}.
 */
final class BatchPartSubscriber implements HttpResponse.BodySubscriber<byte[]> {
  /** Takes a part on the subscriber's thread, one at a time; returns a failure that ends the answer, or null. */
  @FunctionalInterface
  interface PartSink {
    RuntimeException part(byte[] envelope);
  }

  /** The answer ended before its close delimiter: the parts before the cut were handed on. */
  static final class CutException extends IOException {
    CutException() {
      super("a batch poll answer ended before its close delimiter");
    }
  }

  private final BatchPartReader reader;
  private final PartSink sink;
  /** Set instead of a reader when the content type names no usable boundary. */
  private final RejectedMessageException unreadable;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  private BatchPartSubscriber(BatchPartReader reader, PartSink sink, RejectedMessageException unreadable) {
    this.reader = reader;
    this.sink = sink;
    this.unreadable = unreadable;
  }

  /**
   * Batch answers ({@code 200} and a batch content type) are read part by part into {@code sink};
   * the rest whole, up to {@code maxBytes}. {@code batchStarted} runs when a batch answer's headers came.
   */
  static HttpResponse.BodyHandler<byte[]> handler(int maxBytes, PartSink sink, Runnable batchStarted) {
    HttpResponse.BodyHandler<byte[]> whole = BoundedBodySubscriber.handler(maxBytes);
    return info -> {
      String type = info.headers().firstValue("Content-Type").orElse(null);
      if (info.statusCode() != 200 || !MessageBatch.isBatch(type)) {
        return whole.apply(info);
      }
      batchStarted.run();
      try {
        return new BatchPartSubscriber(new BatchPartReader(type, maxBytes), sink, null);
      } catch (IllegalArgumentException e) {
        return new BatchPartSubscriber(null, sink,
            new RejectedMessageException("a malformed multipart poll answer: " + e.getMessage(), e));
      }
    };
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (unreadable != null) {
      end(unreadable);
      return;
    }
    s.request(1); // a part is handled before more bytes are asked for
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    try {
      for (ByteBuffer b : items) {
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        for (byte[] part : reader.feed(chunk, 0, chunk.length)) {
          RuntimeException stop = sink.part(part);
          if (stop != null) {
            end(stop);
            return;
          }
        }
      }
    } catch (IllegalArgumentException e) {
      end(new RejectedMessageException("a malformed multipart poll answer: " + e.getMessage(), e));
      return;
    }
    subscription.request(1);
  }

  private void end(Throwable failure) {
    subscription.cancel();
    result.completeExceptionally(failure);
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    if (reader.closed()) {
      result.complete(new byte[0]);
    } else {
      result.completeExceptionally(new CutException());
    }
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }
}
