package org.netduplex.samples.war;

import java.nio.file.Path;

/** The sample WAR in embedded Jetty 12, ee10. */
class JettyEe10WarIT extends WarDeploymentContract {
  @Override
  DeployedWar deploy(Path war) throws Exception {
    return new JettyWar(war);
  }
}
