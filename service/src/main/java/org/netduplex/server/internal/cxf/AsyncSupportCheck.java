package org.netduplex.server.internal.cxf;

import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.apache.cxf.continuations.ContinuationProvider;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.netduplex.server.internal.DuplexFault;

/**
 * Whether the transport can park a poll. A CXF servlet registered without async support gives a
 * request no continuation, so no poll could ever wait: the first request that shows it (a service
 * call, usually before any poll) logs once what to change, and every poll is refused with
 * {@code ndf:ServerMisconfigured} instead of failing on a missing continuation.
 */
final class AsyncSupportCheck {
  private static final Logger LOG = Logger.getLogger("org.netduplex.server.Deployment");
  static final String REASON = "The server cannot hold polls: its servlet container does not let it answer them"
      + " asynchronously (a deployment error on the server)";

  private final AtomicBoolean warned = new AtomicBoolean();

  /** Looks at any request of the endpoint; logs once if requests cannot be suspended. */
  boolean canPark(Message message) {
    if (message.get(ContinuationProvider.class.getName()) != null) {
      return true;
    }
    if (warned.compareAndSet(false, true)) {
      LOG.severe(() -> "Polls to " + where(message) + " cannot be parked: the CXF servlet is not async-supported."
          + " Mark it <async-supported>true</async-supported> in web.xml (or call setAsyncSupported(true) on its"
          + " ServletRegistration.Dynamic or Jetty ServletHolder); until then every poll is refused with"
          + " ndf:ServerMisconfigured.");
    }
    return false;
  }

  /** Refuses the poll {@code message} unless it can be parked. */
  void requireForPoll(Message message) {
    if (!canPark(message)) {
      throw new DuplexFault(DuplexFault.Kind.SERVER_MISCONFIGURED, REASON);
    }
  }

  private static String where(Message message) {
    Object req = message.get(AbstractHTTPDestination.HTTP_REQUEST);
    return req instanceof HttpServletRequest r ? r.getRequestURI() : "this endpoint";
  }
}
