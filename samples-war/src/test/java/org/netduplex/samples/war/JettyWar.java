package org.netduplex.samples.war;

import java.net.URI;
import java.nio.file.Path;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/** The WAR in embedded Jetty 12, in its ee10 (Servlet 6.0) environment, as Jetty's deployer would. */
final class JettyWar implements DeployedWar {
  private final Server jetty = new Server();
  private final ContextHandlerCollection contexts = new ContextHandlerCollection();
  private final WebAppContext webapp = new WebAppContext();
  private final URI root;

  JettyWar(Path war) throws Exception {
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    webapp.setContextPath(CONTEXT_PATH);
    webapp.setWar(war.toAbsolutePath().toString());
    contexts.addHandler(webapp);
    jetty.setHandler(contexts);
    jetty.start();
    root = URI.create("http://127.0.0.1:" + connector.getLocalPort() + CONTEXT_PATH + "/");
  }

  @Override
  public URI root() {
    return root;
  }

  @Override
  public void undeploy() throws Exception {
    webapp.stop();
    contexts.removeHandler(webapp);
  }

  @Override
  public void close() throws Exception {
    jetty.stop(); // a no-op once stopped
  }
}
