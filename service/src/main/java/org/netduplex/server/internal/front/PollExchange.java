package org.netduplex.server.internal.front;

import org.netduplex.server.internal.PollOutcome;

/**
 * The container's side of one poll the front serves: a thin adapter per container (a Jetty core
 * handler's request, a servlet filter's). Each answer method is called at most once, and exactly
 * one of them (or {@link #passOn}) per poll.
 */
public interface PollExchange {
  /**
   * The poll waits: release the request thread without ending the request. {@code containerEnded}
   * runs if the container ends the request first (its own timeout, an error).
   */
  void park(Runnable containerEnded);

  /** Writes {@code 200} with these bytes; then runs {@code written}, or {@code failed} if the client is gone. */
  void answer(String contentType, byte[] body, Runnable written, Runnable failed);

  /**
   * Starts a streamed answer (docs/protocol.md section 19): {@code 200} with {@code contentType} and
   * no {@code Content-Length}, so it goes chunked; the body follows in {@link #writeStream} calls.
   * The request stays open after the calling thread returns.
   */
  void startStream(String contentType);

  /**
   * Writes and flushes {@code bytes} of a streamed answer, asynchronously; {@code last} ends it. Then
   * runs {@code written}, or {@code failed} if the client is gone (the request is then ended). The
   * caller writes once at a time: the next write comes after {@code written}, maybe on its stack.
   */
  void writeStream(byte[] bytes, boolean last, Runnable written, Runnable failed);

  /** Writes {@code 200} with an empty body. */
  void answerEmpty();

  /**
   * Hands the request, its body unchanged, to CXF's chain, which answers it as if the front were not
   * there. {@code decided} is an outcome the engine already gave this poll (the chain answers with
   * it instead of polling again: {@link PollOutcome.Ended} becomes its fault), or null.
   */
  void passOn(PollOutcome decided);
}
