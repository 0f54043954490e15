package org.netduplex.server.internal.cxf;

import jakarta.servlet.http.HttpServletResponse;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.continuations.Continuation;
import org.apache.cxf.continuations.ContinuationProvider;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.netduplex.core.DuplexHeader;
import org.netduplex.server.internal.DuplexEngine;
import org.netduplex.server.internal.DuplexFault;
import org.netduplex.server.internal.PollOutcome;
import org.netduplex.server.internal.RealDuplexSession;

/**
 * The CXF edge of the engine, right after CXF read the envelope's headers. A {@code MakeConnection}
 * is answered or parked here and never reaches operation dispatch; a service call has its
 * {@code netdx:Duplex} session resolved and put on the exchange for {@code CallbackChannels}.
 */
public final class DuplexInInterceptor extends AbstractSoapInterceptor {
  private final DuplexEngine engine;
  private final long transportTimeoutMillis;

  public DuplexInInterceptor(DuplexEngine engine) {
    super(Phase.PRE_PROTOCOL);
    this.engine = engine;
    // Our scheduler answers parked polls; the servlet container's async timeout is only a safety net.
    this.transportTimeoutMillis = engine.config().pollTimeout().toMillis() * 2 + 60_000;
  }

  @Override
  public void handleMessage(SoapMessage message) {
    try {
      ContinuationPollWaiter resumed = message.getExchange().get(ContinuationPollWaiter.class);
      if (resumed != null) {
        answerResumedPoll(message, resumed);
      } else if (MakeConnectionReader.atMakeConnection(message.getContent(XMLStreamReader.class))) {
        handlePoll(message);
      } else {
        handleServiceCall(message, message.getContent(XMLStreamReader.class).isEndElement());
      }
    } catch (DuplexFault f) {
      throw DuplexFaults.toSoapFault(f, message.getVersion());
    } catch (XMLStreamException e) {
      throw new SoapFault("Malformed request: " + e.getMessage(), e, message.getVersion().getSender());
    }
  }

  private void handleServiceCall(SoapMessage message, boolean emptyBody) {
    DuplexHeaderReader.CallHeader header = DuplexHeaderReader.read(message);
    if (header == null) {
      throw new DuplexFault(DuplexFault.Kind.MISSING_DUPLEX_HEADER,
          "A call to a polling duplex service must carry a netdx:Duplex header");
    }
    RealDuplexSession session = engine.sessionForCall(header.identity());
    if (header.closeSession() && emptyBody) {
      // A bare close dispatches nothing; answered like a one-way call (capture B).
      engine.closeByClient(session);
      PollResponseWriter.writeEmpty((HttpServletResponse) message.get(AbstractHTTPDestination.HTTP_RESPONSE));
      message.getInterceptorChain().abort();
      return;
    }
    message.getExchange().put(RealDuplexSession.class, session);
    if (header.closeSession()) {
      message.getInterceptorChain().add(new CloseAfterInvokeInterceptor(engine, session));
    }
  }

  private void handlePoll(SoapMessage message) throws XMLStreamException {
    String address = MakeConnectionReader.readAddress(message.getContent(XMLStreamReader.class));
    ContinuationPollWaiter waiter = new ContinuationPollWaiter(engine);
    PollOutcome now = engine.poll(address, waiter);
    if (now == null) {
      ContinuationProvider provider = message.get(ContinuationProvider.class);
      Continuation continuation = provider.getContinuation();
      message.getExchange().put(ContinuationPollWaiter.class, waiter);
      now = waiter.suspendUnlessWoken(continuation, transportTimeoutMillis);
      if (now == null) {
        return; // parked: CXF releases this thread and calls us again on resume
      }
    }
    answer(message, now);
  }

  private void answerResumedPoll(SoapMessage message, ContinuationPollWaiter waiter) {
    PollOutcome outcome = waiter.takeOutcomeOrAbandon();
    answer(message, outcome != null ? outcome : PollOutcome.EMPTY);
  }

  private void answer(SoapMessage message, PollOutcome outcome) {
    HttpServletResponse response = (HttpServletResponse) message.get(AbstractHTTPDestination.HTTP_RESPONSE);
    if (outcome instanceof PollOutcome.Deliver d) {
      boolean soap12 = message.getVersion() == Soap12.getInstance();
      PollResponseWriter.writeMessage(response, d.message(), soap12, engine);
    } else if (outcome instanceof PollOutcome.Ended) {
      throw new DuplexFault(DuplexFault.Kind.SESSION_ENDED, "Every duplex session of the polled address has ended");
    } else {
      PollResponseWriter.writeEmpty(response);
    }
    message.getInterceptorChain().abort();
  }
}
