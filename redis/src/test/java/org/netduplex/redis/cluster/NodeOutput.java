package org.netduplex.redis.cluster;

import java.io.PrintStream;

/** The node's stdout, one whole line at a time from any thread: {@code ready}, {@code reply ...}, {@code event ...}. */
final class NodeOutput {
  private final PrintStream out;

  NodeOutput(PrintStream out) {
    this.out = out;
  }

  synchronized void line(String line) {
    out.println(line);
    out.flush();
  }
}
