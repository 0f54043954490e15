package org.netduplex.benchmarks;

/** The three servers under test, in the order of the table's columns. */
public enum Kind {
  NETDUPLEX("NetDuplex"),
  COMETD("CometD 8"),
  RAW("raw Jetty 12");

  public final String label;

  Kind(String label) {
    this.label = label;
  }
}
