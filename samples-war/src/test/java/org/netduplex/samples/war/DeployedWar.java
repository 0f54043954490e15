package org.netduplex.samples.war;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** The built WAR deployed in a real servlet container on a free loopback port. */
interface DeployedWar extends AutoCloseable {
  /** The context path every container deploys the sample under. */
  String CONTEXT_PATH = "/stock";

  /** {@code http://127.0.0.1:<port>/stock/}: the web application's root. */
  URI root();

  /** Undeploys the web application while the container keeps running. */
  void undeploy() throws Exception;

  /** Stops the whole container; again, nothing. */
  @Override
  void close() throws Exception;

  /** The WAR that {@code package} built (failsafe passes its path). */
  static Path builtWar() {
    String path = System.getProperty("netduplex.war");
    if (path == null || !Files.isRegularFile(Path.of(path))) {
      throw new IllegalStateException("No built WAR at netduplex.war=" + path + ": run the tests with mvn verify");
    }
    return Path.of(path);
  }
}
