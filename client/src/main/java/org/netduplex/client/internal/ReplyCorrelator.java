package org.netduplex.client.internal;

import jakarta.xml.ws.WebServiceException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.apache.cxf.endpoint.ClientCallback;
import org.apache.cxf.endpoint.ClientImpl;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.apache.cxf.transport.MessageObserver;
import org.netduplex.client.ReplyTimeoutException;
import org.netduplex.core.Cancellable;
import org.netduplex.core.Scheduler;

/**
 * Matches the replies that polls bring to the request-reply calls waiting for them, by
 * {@code wsa:RelatesTo} = the call's {@code wsa:MessageID}, as WCF's {@code RequestReplyCorrelator}
 * does. A call is registered before its request goes out; the server's empty {@code 200} marks it
 * acknowledged; its reply is then handed to CXF's client as the call's response, so CXF decodes it
 * (result, declared fault) for synchronous and asynchronous calls alike, and no thread waits. A
 * reply that comes before the {@code 200} was read is held until then, and so is a timeout. A call
 * with no reply within the reply timeout fails with {@link ReplyTimeoutException}; a reply nobody
 * waits for is dropped and counted.
 */
public final class ReplyCorrelator {
  /** Message property: this in-message is a reply from a poll, not the call's HTTP answer. */
  static final String POLLED = ReplyCorrelator.class.getName() + ".polled";
  /** Exchange property: the MessageID under which the call waits. */
  static final String MESSAGE_ID = ReplyCorrelator.class.getName() + ".messageId";

  private static final Logger LOG = Logger.getLogger(ReplyCorrelator.class.getName());

  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final Scheduler scheduler;
  private final Duration replyTimeout;
  private final Executor executor;
  private final Lifecycle lifecycle;
  private final AtomicLong dropped = new AtomicLong();
  private volatile MessageObserver client;
  private volatile Map<String, Exchange> addressingCache = Map.of();

  private static final class Pending {
    final Exchange exchange;
    final String operation;
    volatile Cancellable timer; // set right after registration; read by the threads that complete the call
    boolean acknowledged; // guarded by this
    PolledReply early; // guarded by this
    boolean expired; // guarded by this: timed out before the acknowledgement, which then fails the call

    Pending(Exchange exchange, String operation) {
      this.exchange = exchange;
      this.operation = operation;
    }
  }

  /** {@code executor} runs the decoding of replies (and async handlers), never a poll's I/O thread. */
  public ReplyCorrelator(Scheduler scheduler, Duration replyTimeout, Executor executor, Lifecycle lifecycle) {
    this.scheduler = scheduler;
    this.replyTimeout = replyTimeout;
    this.executor = executor;
    this.lifecycle = lifecycle;
  }

  /**
   * Wires in CXF's client, which decodes replies as responses, and the WS-Addressing layer's cache
   * of calls awaiting a response, from which a timed-out call is removed.
   */
  public void attach(MessageObserver cxfClient, Map<String, Exchange> addressingCache) {
    this.client = cxfClient;
    this.addressingCache = addressingCache;
  }

  /** The reply timeout, for CXF's own synchronous wait, which must outlast it. */
  Duration replyTimeout() {
    return replyTimeout;
  }

  void register(String messageId, Exchange exchange, String operation) {
    Pending p = new Pending(exchange, operation);
    exchange.put(MESSAGE_ID, messageId);
    pending.put(messageId, p);
    p.timer = scheduler.schedule(() -> expire(messageId), replyTimeout);
  }

  /** The server answered the call's POST {@code 200} empty: its reply comes on a poll. */
  void acknowledged(String messageId) {
    Pending p = pending.get(messageId);
    if (p == null) {
      return;
    }
    PolledReply early;
    boolean expired;
    synchronized (p) {
      p.acknowledged = true;
      early = p.early;
      expired = p.expired;
    }
    if (expired) {
      if (pending.remove(messageId, p)) {
        fail(messageId, p, new ReplyTimeoutException(p.operation, replyTimeout));
      }
      if (early != null) {
        drop(early.relatesTo());
      }
    } else if (early != null) {
      hand(p, early);
    }
  }

  /** The server answered the call on its own HTTP response (SOAP 1.1, or a server that does): nothing to wait for. */
  void answeredDirectly(String messageId) {
    Pending p = pending.remove(messageId);
    if (p != null) {
      p.timer.cancel();
    }
  }

  /** A poll brought a reply. */
  public void deliver(PolledReply reply) {
    Pending p = pending.get(reply.relatesTo());
    if (p == null) {
      drop(reply.relatesTo());
      return;
    }
    synchronized (p) {
      if (!p.acknowledged) {
        p.early = reply; // CXF is still reading the POST's answer; it would overwrite this response
        return;
      }
    }
    hand(p, reply);
  }

  /** Replies dropped because nobody waited for them. */
  public long droppedReplies() {
    return dropped.get();
  }

  private void hand(Pending p, PolledReply reply) {
    if (pending.remove(reply.relatesTo(), p)) {
      p.timer.cancel();
      Message in = new MessageImpl();
      in.setExchange(p.exchange);
      in.put(POLLED, Boolean.TRUE);
      in.put(Message.RESPONSE_CODE, 200);
      in.put(Message.CONTENT_TYPE, reply.contentType());
      in.put(Message.ENCODING, "UTF-8");
      in.setContent(InputStream.class, new ByteArrayInputStream(reply.envelope()));
      executor.execute(() -> afterAsyncMapping(() -> client.onMessage(in)));
    }
  }

  private void drop(String relatesTo) {
    dropped.incrementAndGet();
    LOG.fine(() -> "Dropped a reply nobody waits for: " + relatesTo);
    try {
      lifecycle.listener().replyDropped(relatesTo);
    } catch (RuntimeException e) {
      LOG.warning("ClientListener.replyDropped threw; ignored: " + e);
    }
  }

  /**
   * Runs a completion through CXF. An async call's failure reaches its {@link AsyncCall} first; CXF
   * then maps it through SAAJ, which is not on this client's classpath, and throws: the call has
   * its outcome already, so that is logged without a trace instead of killing the thread.
   */
  private static void afterAsyncMapping(Runnable completion) {
    try {
      completion.run();
    } catch (WebServiceException e) {
      LOG.fine(() -> "CXF could not map an async call's failure (no SAAJ); the call has it already: " + e.getMessage());
    }
  }

  /** The client is closing: every call still waiting fails at once instead of at its timeout. */
  public void closeAll() {
    for (String messageId : pending.keySet()) {
      Pending p = pending.remove(messageId);
      if (p != null) {
        p.timer.cancel();
        fail(messageId, p, new WebServiceException("the polling duplex client was closed before the reply to "
            + p.operation + " came"));
      }
    }
  }

  private void expire(String messageId) {
    Pending p = pending.get(messageId);
    if (p == null) {
      return;
    }
    synchronized (p) {
      if (!p.acknowledged) {
        // CXF has not read the POST's answer yet and would overwrite a failure with it: fail on the acknowledgement.
        p.expired = true;
        return;
      }
    }
    if (pending.remove(messageId, p)) {
      fail(messageId, p, new ReplyTimeoutException(p.operation, replyTimeout));
    }
  }

  /** Completes a call with {@code error}: an async call through its callback, a synchronous one by waking it. */
  private void fail(String messageId, Pending p, WebServiceException error) {
    addressingCache.remove(messageId);
    ClientCallback callback = p.exchange.remove(ClientCallback.class);
    if (callback != null) {
      executor.execute(() -> afterAsyncMapping(() -> callback.handleException(null, error)));
      return;
    }
    Message failed = new MessageImpl();
    failed.setExchange(p.exchange);
    failed.setContent(Exception.class, error);
    synchronized (p.exchange) {
      p.exchange.setInMessage(failed);
      p.exchange.put(ClientImpl.FINISHED, Boolean.TRUE);
      p.exchange.notifyAll();
    }
  }
}
