package org.netduplex.samples.war;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.netduplex.server.DuplexMetrics;
import org.netduplex.server.PollingDuplexFeature;

/** The feature's counters as plain text, one {@code name value} a line, for a health check or a person. */
public class StatusServlet extends HttpServlet {
  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object feature = getServletContext().getAttribute(StockServiceServlet.FEATURE_ATTRIBUTE);
    response.setContentType("text/plain");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (!(feature instanceof PollingDuplexFeature duplex)) {
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The StockService has not started");
      return;
    }
    DuplexMetrics m = duplex.metrics();
    response.getWriter().write("openSessions " + m.openSessions() + "\n"
        + "parkedPolls " + m.parkedPolls() + "\n"
        + "queuedMessages " + m.queuedMessages() + "\n"
        + "messagesDelivered " + m.messagesDelivered() + "\n"
        + "sessionsEnded " + m.sessionsEnded() + "\n");
  }
}
