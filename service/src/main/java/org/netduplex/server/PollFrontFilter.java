package org.netduplex.server;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.logging.Logger;
import org.netduplex.server.internal.front.PollFront;
import org.netduplex.server.internal.front.ServletFronts;
import org.netduplex.server.internal.http.RequestBody;
import org.netduplex.server.internal.http.RequestBodyReader;
import org.netduplex.server.internal.servlet.ServletPollExchange;

/**
 * The poll front in a servlet container (docs/protocol.md section 17): map it, async-supported, to
 * the URL pattern of CXF's servlet, for the {@code REQUEST} and {@code ASYNC} dispatchers. It serves
 * {@code wsmc:MakeConnection} polls of the {@link PollingDuplexFeature} endpoints that servlet
 * publishes before CXF sees them, and passes everything else on unchanged. Without it polls are
 * served by CXF's chain, as before.
 *
 * <pre>{@code
 * <filter>
 *   <filter-name>netduplex-polls</filter-name>
 *   <filter-class>org.netduplex.server.PollFrontFilter</filter-class>
 *   <async-supported>true</async-supported>
 * </filter>
 * <filter-mapping>
 *   <filter-name>netduplex-polls</filter-name>
 *   <servlet-name>cxf</servlet-name>
 *   <dispatcher>REQUEST</dispatcher>
 *   <dispatcher>ASYNC</dispatcher>
 * </filter-mapping>
 * }</pre>
 */
public final class PollFrontFilter implements Filter {
  private static final Logger LOG = Logger.getLogger(PollFrontFilter.class.getName());

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
      chain.doFilter(req, res);
      return;
    }
    if (ServletPollExchange.passOnIfHandedOver(request, response, chain)) {
      return; // an ASYNC dispatch of a poll the front handed on to CXF
    }
    PollFront front = request.getDispatcherType() == DispatcherType.REQUEST
        ? ServletFronts.forAddress(request.getPathInfo()) : null;
    long length = request.getContentLengthLong();
    PollFront.Candidate candidate = front == null ? PollFront.Candidate.NONE
        : front.candidate(request.getMethod(), request.getContentType(), request.getHeader("SOAPAction"), length);
    if (candidate == PollFront.Candidate.NONE || !request.isAsyncSupported()) {
      chain.doFilter(request, response); // without async no poll can wait: the chain says what to change
      return;
    }
    boolean batch = PollFront.acceptsBatch(Collections.list(request.getHeaders("Accept")));
    InputStream in = request.getInputStream();
    if (in.available() >= length) { // the usual small poll: the container holds it all already
      byte[] body = in.readNBytes((int) length);
      ServletPollExchange.serveOnRequestThread(front, request, response, chain, body, candidate, batch);
      return;
    }
    // A slow body: read without holding this thread, then serve from the container's thread.
    AsyncContext async = request.startAsync();
    async.setTimeout(0);
    RequestBodyReader.start(request.getInputStream(), length, front.maxBodyBytes(), outcome -> {
      if (outcome instanceof RequestBody.Complete complete && complete.length() == length) {
        byte[] body = java.util.Arrays.copyOf(complete.bytes(), complete.length());
        try {
          ServletPollExchange.serveAsync(front, request, response, async, body, candidate, batch);
        } catch (RuntimeException e) { // on the container's read callback: never a hung request
          LOG.warning(() -> "Poll not served: " + e);
          ServletPollExchange.endWith(response, async, HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        }
      } else {
        LOG.info(() -> "Poll body unreadable: " + outcome);
        ServletPollExchange.endWith(response, async, HttpServletResponse.SC_BAD_REQUEST);
      }
    });
  }
}
