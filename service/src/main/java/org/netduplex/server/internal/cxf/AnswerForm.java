package org.netduplex.server.internal.cxf;

import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapMessage;
import org.netduplex.msbin.cxf.MsbinInInterceptor;

/**
 * The form a poll's answer takes: the poll's SOAP version and encoding (WCF answers in the form it
 * was spoken to), and whether the client accepted a batch.
 */
record AnswerForm(boolean soap12, boolean binary, boolean batch) {
  static AnswerForm of(SoapMessage poll, boolean batch) {
    return new AnswerForm(poll.getVersion() == Soap12.getInstance(),
        Boolean.TRUE.equals(poll.getExchange().get(MsbinInInterceptor.BINARY_REQUEST)), batch);
  }
}
