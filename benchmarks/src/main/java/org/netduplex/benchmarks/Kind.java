package org.netduplex.benchmarks;

/** The three servers under test, in the order of the table's columns. */
public enum Kind {
  /** NetDuplex on CXF's embedded Jetty. */
  NETDUPLEX("NetDuplex"),
  /** CometD 8 long polling on Jetty. */
  COMETD("CometD 8"),
  /** A bare Jetty 12 long-poll handler: the floor. */
  RAW("raw Jetty 12");

  /** The column's heading in the table. */
  public final String label;

  Kind(String label) {
    this.label = label;
  }
}
