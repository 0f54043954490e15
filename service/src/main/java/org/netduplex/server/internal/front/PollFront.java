package org.netduplex.server.internal.front;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import org.netduplex.core.DuplexMode;
import org.netduplex.core.NetDuplex;
import org.netduplex.core.internal.MessageBatch;
import org.netduplex.msbin.Msbin;
import org.netduplex.msbin.MsbinLimits;
import org.netduplex.server.internal.DuplexEngine;
import org.netduplex.server.internal.DuplexFault;
import org.netduplex.server.internal.PollOutcome;
import org.netduplex.server.internal.QueuedMessage;
import org.netduplex.server.internal.cxf.ParkedRequests;

/**
 * Serves {@code wsmc:MakeConnection} polls before CXF's chain (docs/protocol.md section 17): it
 * recognises a poll from its headers and body, polls the engine, and answers at once or parks a
 * small record (the container's async response, the answer form, the body for a possible hand-over)
 * instead of a CXF message and exchange. What it is not sure of goes on to CXF unchanged. Container
 * neutral: the Jetty handler and the servlet filter adapt it ({@link PollExchange}).
 */
public final class PollFront {
  /** Request attribute carrying an outcome the front already took for a poll it hands to CXF. */
  public static final String DECIDED_OUTCOME = "netduplex.front.decidedOutcome";
  /** Polls are small; a larger body (or one of unknown length) goes to CXF, which reads any size within its limit. */
  static final int MAX_POLL_BYTES = 16_384;

  /** What a request's headers say about it. */
  public enum Candidate {
    /** Not a poll the front serves: straight on to CXF. */
    NONE,
    /** A text poll by its action: read its body. */
    TEXT_POLL,
    /** Binary: the action is only in the body, so read it to see. */
    BINARY
  }

  private final DuplexEngine engine;
  private final ParkedRequests parked;
  private final PollReader reader;
  private final int maxBodyBytes;
  private final boolean batches;
  private final LongAdder served = new LongAdder();

  public PollFront(DuplexEngine engine, ParkedRequests parked, MsbinLimits limits) {
    this.engine = engine;
    this.parked = parked;
    this.reader = new PollReader(limits);
    this.maxBodyBytes = Math.min(MAX_POLL_BYTES, engine.config().maxRequestBytes());
    this.batches = engine.config().duplexMode() == DuplexMode.MULTIPLE_MESSAGES_PER_POLL;
  }

  /**
   * From the request line and headers alone: {@code SOAPAction} (SOAP 1.1) or the {@code action}
   * parameter of {@code Content-Type} (SOAP 1.2) naming MakeConnection, or msbin1, whose action is
   * inside the body. Only {@code POST}s of a declared length within the poll limit qualify.
   */
  public Candidate candidate(String method, String contentType, String soapAction, long contentLength) {
    if (!"POST".equals(method) || contentType == null || contentLength <= 0 || contentLength > maxBodyBytes) {
      return Candidate.NONE;
    }
    if (Msbin.isMsbin(contentType)) {
      return Candidate.BINARY;
    }
    if (!utf8Soap(contentType)) {
      return Candidate.NONE; // another charset: CXF's reader decodes it, or refuses it
    }
    boolean poll = (soapAction != null && NetDuplex.MAKE_CONNECTION_ACTION.equals(unquoted(soapAction)))
        || NetDuplex.MAKE_CONNECTION_ACTION.equals(parameter(contentType, "action"));
    return poll ? Candidate.TEXT_POLL : Candidate.NONE;
  }

  /** Whether an {@code Accept} header asks for a batch answer: it names {@code multipart/mixed} itself (no wildcard). */
  public static boolean acceptsBatch(Iterable<String> acceptHeaders) {
    for (String value : acceptHeaders) {
      for (String range : value.split(",")) {
        if (range.split(";")[0].trim().equalsIgnoreCase(MessageBatch.MEDIA_TYPE)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Serves the request whose whole body is {@code body}: reads it as a poll and answers it, parks it,
   * or passes it on to CXF. Runs on a container thread; never blocks.
   */
  public void serve(byte[] body, Candidate candidate, boolean acceptsBatch, PollExchange exchange) {
    PollRequest poll = reader.read(body, candidate == Candidate.BINARY);
    if (poll == null) {
      exchange.passOn(null);
      return;
    }
    AnswerForm form = new AnswerForm(poll.soap12(), poll.binary(), batches && acceptsBatch);
    FrontPollWaiter waiter = new FrontPollWaiter(this, exchange, form);
    PollOutcome now;
    try {
      now = engine.poll(poll.address(), poll.ack(), waiter);
    } catch (DuplexFault f) {
      exchange.passOn(null); // the chain polls again and answers with the fault (ndf:UnknownAddress)
      return;
    }
    served.increment();
    if (now == null) {
      now = waiter.parkUnlessWoken();
    }
    if (now != null) {
      answer(exchange, form, now);
    }
  }

  /** Answers a poll with its outcome: on the thread that brought it, never under an engine lock. */
  void answer(PollExchange exchange, AnswerForm form, PollOutcome outcome) {
    if (outcome instanceof PollOutcome.Deliver d) {
      List<QueuedMessage> messages = new ArrayList<>();
      messages.add(d.message());
      if (form.batch()) {
        // Budgeted on whole text envelopes plus framing, so the answer fits the client's limit.
        messages.addAll(engine.takeMore(d.message(), MessageBatch.MAX_MESSAGES, MessageBatch.BUDGET, form.soap12()));
      }
      PollAnswer answer;
      try {
        answer = PollAnswer.encode(messages, form, engine);
      } catch (RuntimeException e) {
        engine.redeliver(messages);
        exchange.answerEmpty();
        return;
      }
      if (answer == null) {
        exchange.answerEmpty();
        engine.answeredEmpty();
        return;
      }
      exchange.answer(answer.contentType(), answer.body(), () -> delivered(answer), () -> engine.redeliver(answer.sent()));
    } else if (outcome instanceof PollOutcome.Ended && !parked.isStopping()) {
      exchange.passOn(outcome); // the chain's fault table answers: ndf:SessionEnded
    } else {
      // Stopping answers empty instead (docs/protocol.md section 4.3), however the poll got here.
      exchange.answerEmpty();
    }
  }

  private void delivered(PollAnswer answer) {
    engine.answeredWithMessages();
    engine.delivered(answer.sent());
  }

  /** A message that came for a poll the container already ended goes to the next poll. */
  void redeliver(PollOutcome outcome) {
    if (outcome instanceof PollOutcome.Deliver d) {
      engine.redeliver(d.message());
    }
  }

  /** For the adapters: counts a parked request until its answer is written, so stopping can wait for it. */
  public Runnable parkedRequest() {
    return parked.parkedElsewhere();
  }

  /** The polls the front served without CXF. */
  public long served() {
    return served.sum();
  }

  /** The largest body the front reads. */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  private static String unquoted(String value) {
    String v = value.trim();
    return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
  }

  /** {@code text/xml} or {@code application/soap+xml}, in UTF-8 (said or by default). */
  private static boolean utf8Soap(String contentType) {
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    String charset = parameter(contentType, "charset");
    return (type.equals("text/xml") || type.equals("application/soap+xml"))
        && (charset == null || charset.equalsIgnoreCase("utf-8"));
  }

  /** A parameter of a {@code Content-Type}, unquoted, or null. */
  private static String parameter(String contentType, String name) {
    String[] parts = contentType.split(";");
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      if (p.length() > name.length() && p.charAt(name.length()) == '=' && p.regionMatches(true, 0, name, 0, name.length())) {
        return unquoted(p.substring(name.length() + 1));
      }
    }
    return null;
  }
}
