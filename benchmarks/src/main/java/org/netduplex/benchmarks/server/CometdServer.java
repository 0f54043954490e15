package org.netduplex.benchmarks.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.http.jakarta.CometDServlet;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;

/**
 * CometD 8's long-polling transport ({@code CometDServlet}, JSON over HTTP only) on the same Jetty 12
 * servlet layer CXF uses, with the shared {@link JettySettings}. A session's message is
 * {@code ServerSession.deliver} on {@value #CHANNEL}; the broadcast is one {@code publish} on
 * {@value #BROADCAST_CHANNEL}, to which every client subscribed. A {@code DeQueueListener} gives the
 * credit back as messages leave for the client.
 */
final class CometdServer implements BenchServer<ServerSession> {
  static final String CHANNEL = "/bench";
  static final String BROADCAST_CHANNEL = "/bcast";

  private final Server jetty = JettySettings.server("cometd-http");
  private final List<ServerSession> opened = new ArrayList<>();
  private final BayeuxServer bayeux;

  CometdServer(String host, int port, Credits<ServerSession> credits) throws Exception {
    JettySettings.connector(jetty, host, port);
    ServletContextHandler context = new ServletContextHandler("/");
    CometDServlet servlet = new CometDServlet();
    ServletHolder holder = new ServletHolder(servlet);
    holder.setAsyncSupported(true);
    holder.setInitOrder(1);
    holder.setInitParameter("allowedTransports", "long-polling");
    holder.setInitParameter("timeout", Long.toString(JettySettings.POLL_HOLD_MILLIS));
    holder.setInitParameter("interval", "0");
    holder.setInitParameter("maxInterval", "600000");
    holder.setInitParameter("maxSessionsPerBrowser", "-1");
    context.addServlet(holder, "/cometd/*");
    jetty.setHandler(context);
    jetty.start();
    bayeux = servlet.getBayeuxServer();
    bayeux.createChannelIfAbsent(BROADCAST_CHANNEL);
    bayeux.addListener(new BayeuxServer.SessionListener() {
      @Override
      public void sessionAdded(ServerSession session, ServerMessage message) {
        session.addListener((ServerSession.DeQueueListener) (s, queue) -> countDelivered(s, queue, credits));
        synchronized (opened) {
          opened.add(session);
        }
      }
    });
  }

  private static void countDelivered(ServerSession session, Queue<ServerMessage> queue, Credits<ServerSession> credits) {
    for (ServerMessage m : queue) {
      if (CHANNEL.equals(m.getChannel())) {
        credits.delivered(session);
      }
    }
  }

  @Override
  public List<ServerSession> sessions() {
    synchronized (opened) {
      return List.copyOf(opened);
    }
  }

  @Override
  public int parkedPolls() {
    return -1;
  }

  @Override
  public void send(ServerSession session, String payload) {
    session.deliver(null, CHANNEL, payload, Promise.noop());
  }

  @Override
  public void broadcast(String payload) {
    // Created again if the sweeper removed it: a channel is swept while it has no subscribers.
    bayeux.createChannelIfAbsent(BROADCAST_CHANNEL).getReference().publish(null, payload, Promise.noop());
  }

  @Override
  public void close() {
    try {
      jetty.stop();
    } catch (Exception e) {
      throw new IllegalStateException("Jetty did not stop: " + e.getMessage(), e);
    }
  }
}
