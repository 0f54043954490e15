package org.netduplex.server.internal.cxf;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.continuations.Continuation;
import org.apache.cxf.continuations.ContinuationProvider;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.netduplex.core.DuplexMode;
import org.netduplex.core.NetDuplex;
import org.netduplex.msbin.cxf.MsbinInInterceptor;
import org.netduplex.core.internal.MessageBatch;
import org.netduplex.server.internal.DuplexEngine;
import org.netduplex.server.internal.DuplexFault;
import org.netduplex.server.internal.PollOutcome;
import org.netduplex.server.internal.QueuedMessage;
import org.netduplex.server.internal.RealDuplexSession;
import org.netduplex.server.internal.front.AnswerForm;
import org.netduplex.server.internal.front.MakeConnectionReader;
import org.netduplex.server.internal.front.PollFront;
import org.netduplex.server.internal.front.PollReader;

/**
 * The CXF edge of the engine, right after CXF read the envelope's headers. A {@code MakeConnection}
 * is answered or parked here and never reaches operation dispatch; a service call has its
 * {@code netdx:Duplex} session resolved and put on the exchange for {@code CallbackChannels}.
 */
public final class DuplexInInterceptor extends AbstractSoapInterceptor {
  private static final Set<QName> DUPLEX_HEADER = Set.of(new QName(NetDuplex.NETDX_NS, "Duplex"));
  /** Exchange key: this poll may be answered with a batch. */
  private static final String BATCH = "netduplex.batchAnswer";

  private final DuplexEngine engine;
  private final long transportTimeoutMillis;
  private final AsyncSupportCheck asyncSupport = new AsyncSupportCheck();
  private final ParkedRequests parked;

  public DuplexInInterceptor(DuplexEngine engine, ParkedRequests parked) {
    super(Phase.PRE_PROTOCOL);
    this.engine = engine;
    this.parked = parked;
    // Our scheduler answers parked polls; the servlet container's async timeout is only a safety net.
    this.transportTimeoutMillis = engine.config().pollTimeout().toMillis() * 2 + 60_000;
  }

  /** {@code netdx:Duplex} may come with {@code mustUnderstand="1"}: this interceptor understands it. */
  @Override
  public Set<QName> getUnderstoodHeaders() {
    return DUPLEX_HEADER;
  }


  @Override
  public void handleMessage(SoapMessage message) {
    try {
      ContinuationPollWaiter resumed = message.getExchange().get(ContinuationPollWaiter.class);
      if (resumed != null) {
        answerResumedPoll(message, resumed);
      } else if (MakeConnectionReader.atMakeConnection(message.getContent(XMLStreamReader.class))) {
        PollOutcome decided = decidedByFront(message);
        if (decided != null) {
          answer(message, decided); // a poll the front took, handed on for the chain's fault
          return;
        }
        asyncSupport.requireForPoll(message);
        handlePoll(message);
      } else {
        asyncSupport.canPark(message); // a deployment that cannot park polls is told at the first call
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
    if (header.closeSession() && emptyBody) {
      // A bare close dispatches nothing; answered like a one-way call (capture B). It never opens a
      // session: one that is unknown or already ended has nothing left to close.
      RealDuplexSession closing = engine.sessionForClose(header.identity());
      if (closing != null) {
        engine.acknowledge(closing, DeliveryAckReader.read(message)); // what it received before closing
        engine.closeByClient(closing);
      }
      PollResponseWriter.writeEmpty((HttpServletResponse) message.get(AbstractHTTPDestination.HTTP_RESPONSE));
      message.getInterceptorChain().abort();
      return;
    }
    RealDuplexSession session = engine.sessionForCall(header.identity());
    message.getExchange().put(RealDuplexSession.class, session);
    if (header.closeSession()) {
      message.getInterceptorChain().add(new CloseAfterInvokeInterceptor(engine, session));
    }
  }

  private void handlePoll(SoapMessage message) throws XMLStreamException {
    requireUnderstood(message);
    String address = MakeConnectionReader.readAddress(message.getContent(XMLStreamReader.class));
    if (engine.config().duplexMode() == DuplexMode.MULTIPLE_MESSAGES_PER_POLL && acceptsBatch(message)) {
      message.getExchange().put(BATCH, Boolean.TRUE);
    }
    ContinuationPollWaiter waiter = new ContinuationPollWaiter(engine, parked);
    PollOutcome now = engine.poll(address, DeliveryAckReader.read(message), waiter);
    if (now == null) {
      ContinuationProvider provider = message.get(ContinuationProvider.class);
      Continuation continuation = provider.getContinuation();
      message.getExchange().put(ContinuationPollWaiter.class, waiter);
      now = waiter.suspendUnlessWoken(continuation, transportTimeoutMillis);
      if (now == null) {
        waiter.parkedOn((HttpServletRequest) message.get(AbstractHTTPDestination.HTTP_REQUEST),
            (HttpServletResponse) message.get(AbstractHTTPDestination.HTTP_RESPONSE));
        return; // parked: CXF releases this thread and calls us again on resume
      }
    }
    answer(message, now);
  }

  /**
   * A poll never reaches CXF's check at the chain's end (it is answered here), so it is checked here:
   * a header marked {@code mustUnderstand} that a poll cannot carry is a {@code MustUnderstand} fault.
   */
  private static void requireUnderstood(SoapMessage message) {
    List<QName> unknown = new ArrayList<>();
    for (org.apache.cxf.headers.Header h : message.getHeaders()) {
      if (h instanceof org.apache.cxf.binding.soap.SoapHeader sh && sh.isMustUnderstand()
          && !PollReader.understoodOnAPoll(h.getName()) && !DUPLEX_HEADER.contains(h.getName())) {
        unknown.add(h.getName());
      }
    }
    if (!unknown.isEmpty()) {
      throw new SoapFault("MustUnderstand headers: " + unknown + " are not understood.",
          message.getVersion().getMustUnderstand());
    }
  }

  /** The outcome the poll front already took for this poll, when it handed it on (docs/protocol.md section 17). */
  private static PollOutcome decidedByFront(SoapMessage message) {
    Object req = message.get(AbstractHTTPDestination.HTTP_REQUEST);
    return req instanceof HttpServletRequest r && r.getAttribute(PollFront.DECIDED_OUTCOME) instanceof PollOutcome o
        ? o : null;
  }

  /** The poll asked for a batch answer: {@code Accept} names {@code multipart/mixed} itself (no wildcard). */
  private static boolean acceptsBatch(SoapMessage message) {
    Object req = message.get(AbstractHTTPDestination.HTTP_REQUEST);
    return req instanceof HttpServletRequest request
        && PollFront.acceptsBatch(java.util.Collections.list(request.getHeaders("Accept")));
  }

  private void answerResumedPoll(SoapMessage message, ContinuationPollWaiter waiter) {
    PollOutcome outcome = waiter.takeOutcomeOrAbandon();
    answer(message, outcome != null ? outcome : PollOutcome.EMPTY);
  }

  private void answer(SoapMessage message, PollOutcome outcome) {
    HttpServletResponse response = (HttpServletResponse) message.get(AbstractHTTPDestination.HTTP_RESPONSE);
    if (outcome instanceof PollOutcome.Deliver d) {
      boolean batch = Boolean.TRUE.equals(message.getExchange().get(BATCH));
      List<QueuedMessage> messages = new ArrayList<>();
      messages.add(d.message());
      AnswerForm form = new AnswerForm(message.getVersion() == Soap12.getInstance(),
          Boolean.TRUE.equals(message.getExchange().get(MsbinInInterceptor.BINARY_REQUEST)), batch);
      if (batch) {
        // Budgeted on whole text envelopes plus framing, so the answer fits the client's limit.
        messages.addAll(engine.takeMore(d.message(), MessageBatch.MAX_MESSAGES, engine.config().maxBatchBytes(), form.soap12()));
      }
      PollResponseWriter.writeMessages(response, messages, form, engine);
    } else if (outcome instanceof PollOutcome.Ended && !parked.isStopping()) {
      // Stopping answers empty instead (docs/protocol.md section 4.3), however the poll got here.
      throw new DuplexFault(DuplexFault.Kind.SESSION_ENDED, "Every duplex session of the polled address has ended");
    } else {
      PollResponseWriter.writeEmpty(response);
      if (outcome instanceof PollOutcome.Ended) {
        engine.answeredEmpty(); // stopping: counted as the stopping thread counts those it answers itself
      }
    }
    message.getInterceptorChain().abort();
  }
}
