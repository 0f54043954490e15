package org.netduplex.samples.war;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;

/** The WAR in embedded Tomcat 11, deployed as Tomcat deploys a WAR file: web.xml read, classes from WEB-INF. */
final class TomcatWar implements DeployedWar {
  private final Tomcat tomcat = new Tomcat();
  private final Context context;
  private final URI root;
  private boolean closed;

  TomcatWar(Path war) throws Exception {
    Path base = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "tomcat");
    tomcat.setBaseDir(base.toString());
    tomcat.setHostname("127.0.0.1");
    tomcat.getConnector().setProperty("address", "127.0.0.1");
    tomcat.getConnector().setPort(0);
    tomcat.getHost().setAppBase(Files.createDirectories(base.resolve("webapps")).toString());
    tomcat.setAddDefaultWebXmlToWebapp(false); // no JSP engine here; the sample serves no files
    context = tomcat.addWebapp(CONTEXT_PATH, war.toAbsolutePath().toString());
    // The WAR's own jars only: by default Tomcat also scans every jar of this test's class path.
    StandardJarScanner scanner = (StandardJarScanner) context.getJarScanner();
    scanner.setScanClassPath(false);
    scanner.setScanManifest(false);
    tomcat.start();
    root = URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + CONTEXT_PATH + "/");
  }

  @Override
  public URI root() {
    return root;
  }

  @Override
  public void undeploy() {
    tomcat.getHost().removeChild(context); // stops and destroys the context, as the manager's undeploy does
  }

  @Override
  public void close() throws Exception {
    if (closed) {
      return;
    }
    closed = true;
    tomcat.stop();
    tomcat.destroy();
  }
}
