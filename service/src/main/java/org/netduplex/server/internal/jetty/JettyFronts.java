package org.netduplex.server.internal.jetty;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.cxf.transport.Destination;
import org.apache.cxf.transport.http_jetty.JettyHTTPDestination;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngine;
import org.eclipse.jetty.server.Handler;
import org.netduplex.server.internal.front.PollFront;

/**
 * Installs the poll front in CXF's embedded Jetty: one {@link JettyPollHandler} per Jetty server,
 * ahead of CXF's contexts (CXF puts the engine's handlers first), serving every endpoint that
 * registers its path. Loaded only when the destination is CXF's Jetty one, so servlet deployments
 * need no Jetty classes.
 */
public final class JettyFronts {
  private JettyFronts() {}

  /**
   * Puts {@code front} in front of the endpoint; returns the undo, or null if the Jetty server already
   * runs without the front's handler (a later endpoint on a port started without one): its polls
   * then go through the chain, as without the front.
   */
  public static Runnable install(Destination destination, PollFront front) {
    JettyHTTPDestination jetty = (JettyHTTPDestination) destination;
    JettyHTTPServerEngine engine = (JettyHTTPServerEngine) jetty.getEngine();
    String path = URI.create(jetty.getAddress().getAddress().getValue()).getPath();
    JettyPollHandler handler;
    synchronized (engine) {
      handler = engine.getServer() == null ? handlerToInstall(engine)
          : engine.getServer().getDescendant(JettyPollHandler.class);
    }
    if (handler == null) {
      return null;
    }
    handler.register(path, front);
    JettyPollHandler installed = handler;
    return () -> installed.unregister(path, front);
  }

  private static JettyPollHandler handlerToInstall(JettyHTTPServerEngine engine) {
    List<Handler> handlers = engine.getHandlers() == null ? new ArrayList<>() : new ArrayList<>(engine.getHandlers());
    for (Handler h : handlers) {
      if (h instanceof JettyPollHandler existing) {
        return existing;
      }
    }
    JettyPollHandler handler = new JettyPollHandler();
    handlers.add(0, handler);
    engine.setHandlers(handlers);
    return handler;
  }
}
