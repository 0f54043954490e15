package org.netduplex.benchmarks.server;

import java.util.List;

/**
 * What the producer and the control loop need of a server under test. {@code S} is the server's own
 * handle of a client session. Implementations give each delivered message back to {@link Credits}.
 */
interface BenchServer<S> extends AutoCloseable {
  /** Open sessions, in the order they opened. */
  List<S> sessions();

  /** Polls parked now, or -1 when the framework does not say. */
  int parkedPolls();

  /** Queues one message for {@code session}; the server delivers it on that session's poll. */
  void send(S session, String payload);

  /** Queues one message for every session. */
  void broadcast(String payload);

  /** Stops the server; its parked polls are answered or dropped. */
  @Override
  void close();
}
