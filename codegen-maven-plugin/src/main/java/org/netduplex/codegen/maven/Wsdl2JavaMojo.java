package org.netduplex.codegen.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.netduplex.codegen.CodegenException;
import org.netduplex.codegen.DuplexContract;
import org.netduplex.codegen.GenerationResult;
import org.netduplex.codegen.WsdlToJava;

/**
 * Generates Java from WCF WSDL for NetDuplex (each duplex portType as a service interface and a
 * {@code <PortType>Callback} interface) and adds the output directory as a compile source root.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>org.netduplex</groupId>
 *   <artifactId>netduplex-maven-plugin</artifactId>
 *   <executions><execution><goals><goal>wsdl2java</goal></goals>
 *     <configuration><wsdls><wsdl>src/main/wsdl/Jobs.wsdl</wsdl></wsdls></configuration>
 *   </execution></executions>
 * </plugin>
 * }</pre>
 */
@Mojo(name = "wsdl2java", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class Wsdl2JavaMojo extends AbstractMojo {
  /** WSDL files (relative to the project) or http(s) URLs such as a WCF service's {@code ?wsdl}. */
  @Parameter(required = true)
  private List<String> wsdls;

  @Parameter(defaultValue = "${project.build.directory}/generated-sources/netduplex")
  private File outputDirectory;

  /** One Java package for everything generated; by default each namespace maps as JAX-WS maps it. */
  @Parameter
  private String packageName;

  /** What generated Service classes load as their WSDL (e.g. {@code classpath:wsdl/Jobs.wsdl}). */
  @Parameter
  private String wsdlLocation;

  /**
   * Also the JAX-WS async variants of each service operation ({@code Response<T> opAsync(...)},
   * {@code Future<?> opAsync(..., AsyncHandler<T>)}), through wsdl2java's {@code enableAsyncMapping}.
   */
  @Parameter(property = "netduplex.codegen.async", defaultValue = "false")
  private boolean async;

  /** CXF's own output, and what was left out of the contract. */
  @Parameter(property = "netduplex.codegen.verbose", defaultValue = "false")
  private boolean verbose;

  @Parameter(property = "netduplex.codegen.skip", defaultValue = "false")
  private boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Override
  public void execute() throws MojoFailureException {
    if (skip) {
      getLog().info("netduplex wsdl2java skipped");
      return;
    }
    WsdlToJava.Builder builder = WsdlToJava.builder()
        .outputDirectory(outputDirectory.toPath())
        .packageName(packageName)
        .wsdlLocation(wsdlLocation)
        .asyncMapping(async)
        .verbose(verbose);
    for (String wsdl : wsdls) {
      builder.wsdl(WsdlToJava.location(isUrl(wsdl) ? wsdl : resolve(wsdl).getPath()));
    }
    // CXF finds its tool plugins through the context class loader: make it this plugin's.
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(getClass().getClassLoader());
    try {
      GenerationResult result = builder.build().generate();
      for (DuplexContract c : result.duplexContracts()) {
        getLog().info("duplex " + c.portType().getLocalPart() + ": service interface and callback interface "
            + c.callbackPortType().getLocalPart());
      }
      for (String s : result.skipped()) {
        getLog().debug("left out: " + s);
      }
    } catch (CodegenException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } finally {
      thread.setContextClassLoader(before);
    }
    project.addCompileSourceRoot(outputDirectory.getPath());
  }

  private File resolve(String path) {
    File file = new File(path);
    return file.isAbsolute() ? file : new File(project.getBasedir(), path);
  }

  private static boolean isUrl(String s) {
    return s.startsWith("http://") || s.startsWith("https://") || s.startsWith("file:");
  }
}
