package org.netduplex.client.internal;

/**
 * A poll answer that carried an envelope: either a fault, or a callback for this session.
 * {@code messageId} is WS-Addressing's {@code MessageID} when the server sent one (SOAP 1.2), else null.
 */
public record PollAnswer(SoapFaultInfo fault, CallbackDispatcher.Invocation invocation, String messageId,
    boolean messagePending) {
  static PollAnswer fault(SoapFaultInfo fault) {
    return new PollAnswer(fault, null, null, false);
  }
}
