package org.netduplex.client.internal;

/**
 * A poll answer that carried an envelope: a fault, a callback for this session, or the reply to a
 * request-reply call ({@code reply}: it carries {@code wsa:RelatesTo}, and goes to the {@link ReplyCorrelator}).
 * {@code messageId} is WS-Addressing's {@code MessageID} when the server sent one (SOAP 1.2), else null;
 * {@code sequence} its {@code nda:Sequence} when the server numbers its messages (docs/protocol.md section 15).
 */
public record PollAnswer(SoapFaultInfo fault, CallbackDispatcher.Invocation invocation, String messageId,
    boolean messagePending, PolledReply reply, DeliverySequence sequence) {
  public PollAnswer(SoapFaultInfo fault, CallbackDispatcher.Invocation invocation, String messageId,
      boolean messagePending) {
    this(fault, invocation, messageId, messagePending, null, null);
  }

  static PollAnswer fault(SoapFaultInfo fault) {
    return new PollAnswer(fault, null, null, false);
  }

  static PollAnswer reply(PolledReply reply, String messageId, boolean messagePending, DeliverySequence sequence) {
    return new PollAnswer(null, null, messageId, messagePending, reply, sequence);
  }

  static PollAnswer callback(CallbackDispatcher.Invocation invocation, String messageId, boolean messagePending,
      DeliverySequence sequence) {
    return new PollAnswer(null, invocation, messageId, messagePending, null, sequence);
  }
}
