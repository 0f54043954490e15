package org.netduplex.server.internal.cxf;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.logging.Logger;
import org.netduplex.core.internal.Soap11Envelopes;
import org.netduplex.core.internal.Soap12Envelopes;
import org.netduplex.server.internal.DuplexEngine;
import org.netduplex.server.internal.QueuedMessage;

/**
 * Writes a poll's answer straight to the servlet response, bypassing CXF's outbound chain: the
 * envelope is a header block fixed per session plus a body encoded once per callback.
 */
final class PollResponseWriter {
  private static final Logger LOG = Logger.getLogger(PollResponseWriter.class.getName());
  static final String CONTENT_TYPE = "text/xml; charset=utf-8";

  private PollResponseWriter() {}

  /**
   * Answers with {@code m}, in the SOAP version the poll was made in; if the client is gone the
   * message is queued again for its next poll.
   */
  static void writeMessage(HttpServletResponse response, QueuedMessage m, boolean soap12, DuplexEngine engine) {
    byte[] envelope = soap12
        ? Soap12Envelopes.message(m.session().header(), m.message().action(), m.message().body())
        : Soap11Envelopes.envelope(m.session().headerBlock(), m.message().body());
    try {
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentType(soap12 ? Soap12Envelopes.CONTENT_TYPE : CONTENT_TYPE);
      response.setContentLength(envelope.length);
      OutputStream out = response.getOutputStream();
      out.write(envelope);
      response.flushBuffer();
    } catch (IOException | RuntimeException e) {
      LOG.fine(() -> "Poll answer for session " + m.session().id() + " not written, message kept: " + e);
      engine.redeliver(m);
      return;
    }
    engine.delivered(m);
  }

  /** Answers {@code 200} with an empty body, as WCF does when a poll times out (seed 002). */
  static void writeEmpty(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentLength(0);
    try {
      response.flushBuffer();
    } catch (IOException e) {
      LOG.fine(() -> "Empty poll answer not written: " + e);
    }
  }
}
