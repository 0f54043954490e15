package org.netduplex.server.internal.cxf;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.logging.Logger;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.netduplex.core.internal.RefusalLog;

/**
 * Answers {@code 415 Unsupported Media Type} to the sessionful binary encoding
 * ({@code application/soap+msbinsession1}, [MC-NBFSE]): HTTP is not a sessionful transport, so WCF
 * uses {@code msbin1} there (MS-WSPOL 2.2.3.6; docs/protocol.md section 7). Refused before anything
 * is parsed, with one log line, instead of a confusing XML parse fault.
 */
public final class UnsupportedEncodingInterceptor extends AbstractPhaseInterceptor<Message> {
  private static final Logger LOG = Logger.getLogger(UnsupportedEncodingInterceptor.class.getName());
  static final String SESSIONFUL_BINARY = "application/soap+msbinsession1";
  private final RefusalLog refusals;

  public UnsupportedEncodingInterceptor(RefusalLog refusals) {
    super(Phase.RECEIVE);
    this.refusals = refusals;
  }

  @Override
  public void handleMessage(Message message) {
    Object type = message.get(Message.CONTENT_TYPE);
    if (type == null || !type.toString().toLowerCase(Locale.ROOT).startsWith(SESSIONFUL_BINARY)) {
      return;
    }
    refusals.warning(() -> "Refused a request in " + SESSIONFUL_BINARY + " (HTTP 415): over HTTP use application/soap+msbin1");
    HttpServletResponse response = (HttpServletResponse) message.get(AbstractHTTPDestination.HTTP_RESPONSE);
    response.setStatus(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
    response.setContentLength(0);
    try {
      response.flushBuffer();
    } catch (IOException e) {
      LOG.fine(() -> "Client gone before its 415: " + e);
    }
    message.getInterceptorChain().abort();
  }
}
