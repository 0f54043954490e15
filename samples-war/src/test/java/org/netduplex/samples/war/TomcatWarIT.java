package org.netduplex.samples.war;

import java.nio.file.Path;

/** The sample WAR in embedded Tomcat 11. */
class TomcatWarIT extends WarDeploymentContract {
  @Override
  DeployedWar deploy(Path war) throws Exception {
    return new TomcatWar(war);
  }
}
