package org.netduplex.core;

/**
 * How many callback messages one poll answer may carry: WCF's {@code PollingDuplexMode}
 * (Silverlight 4+, default {@code SingleMessagePerPoll}). WCF's own in-body framing of
 * {@code MultipleMessagesPerPoll} is not documented; NetDuplex's is its own (docs/protocol.md
 * section 3) and only used when both ends opt in.
 */
public enum DuplexMode {
  /** One message per poll answer, exactly as WCF writes it (captures D, F). The default. */
  SINGLE_MESSAGE_PER_POLL,
  /**
   * Every message waiting at that moment (up to a cap) in one answer, as a {@code multipart/mixed}
   * body of complete SOAP envelopes: NetDuplex's own framing, not WCF-compatible. The server uses it
   * only for polls that send {@code Accept: multipart/mixed}, which a client in this mode does.
   */
  MULTIPLE_MESSAGES_PER_POLL
}
