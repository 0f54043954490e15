package org.netduplex.codegen;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.netduplex.codegen.internal.ContractRewrite;

/**
 * Generates Java from a WCF service's WSDL as WCF serves it ({@code ?wsdl} with its imports, or
 * {@code ?singleWsdl}, or files on disk), ready for NetDuplex: each duplex portType becomes a service
 * interface and a callback interface named {@code <PortType>Callback}, other portTypes generate as
 * wsdl2java would. CXF's wsdl2java does the generating.
 *
 * <pre>{@code
 * GenerationResult result = WsdlToJava.builder()
 *     .wsdl(URI.create("http://legacy.example.com/Jobs.svc?wsdl"))
 *     .outputDirectory(Path.of("target/generated-sources/netduplex"))
 *     .build()
 *     .generate();
 * }</pre>
 */
public final class WsdlToJava {
  private final List<URI> wsdls;
  private final Path outputDirectory;
  private final String packageName;
  private final String wsdlLocation;
  private final boolean asyncMapping;
  private final boolean verbose;

  private WsdlToJava(Builder b) {
    this.wsdls = List.copyOf(b.wsdls);
    this.outputDirectory = b.outputDirectory;
    this.packageName = b.packageName;
    this.wsdlLocation = b.wsdlLocation;
    this.asyncMapping = b.asyncMapping;
    this.verbose = b.verbose;
  }

  /**
   * Starts a generator's settings.
   *
   * @return an empty builder; a WSDL and an output directory are required
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Writes the Java sources into the output directory.
   *
   * @return the duplex contracts split and what was left out
   * @throws CodegenException with a one-line reason naming the document and the element at fault
   */
  public GenerationResult generate() throws CodegenException {
    return ContractRewrite.run(wsdls, outputDirectory, packageName, wsdlLocation, asyncMapping, verbose);
  }

  /**
   * Reads a command-line or POM value: an http(s) or file URL as it is, anything else as a file path.
   *
   * @param value a URL or a file path, relative to the working directory
   * @return the absolute URI
   */
  public static URI location(String value) {
    String v = value.trim();
    int colon = v.indexOf(':');
    if (colon > 1) {
      String scheme = v.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
      if (scheme.equals("http") || scheme.equals("https") || scheme.equals("file")) {
        return URI.create(v);
      }
    }
    return Path.of(v).toAbsolutePath().normalize().toUri();
  }

  /** Collects a generator's settings; not thread-safe. */
  public static final class Builder {
    private final List<URI> wsdls = new ArrayList<>();
    private Path outputDirectory;
    private String packageName;
    private String wsdlLocation;
    private boolean asyncMapping;
    private boolean verbose;

    private Builder() {
    }

    /**
     * A WSDL to generate from (repeatable): a file or an http(s) URL, such as WCF's {@code ?wsdl}.
     *
     * @param wsdl not null; see {@link WsdlToJava#location} to make one from text
     * @return this builder
     */
    public Builder wsdl(URI wsdl) {
      wsdls.add(Objects.requireNonNull(wsdl, "wsdl"));
      return this;
    }

    /**
     * Where the Java sources go (required).
     *
     * @param dir not null
     * @return this builder
     */
    public Builder outputDirectory(Path dir) {
      this.outputDirectory = Objects.requireNonNull(dir, "outputDirectory");
      return this;
    }

    /**
     * The Java package for everything generated; by default each namespace maps as JAX-WS maps it.
     *
     * @param packageName a Java package name, or null for the default
     * @return this builder
     */
    public Builder packageName(String packageName) {
      this.packageName = packageName;
      return this;
    }

    /**
     * What generated Service classes name as their WSDL (e.g. {@code classpath:wsdl/Jobs.wsdl}); by default the WSDL given.
     *
     * @param wsdlLocation the location, or null for the default
     * @return this builder
     */
    public Builder wsdlLocation(String wsdlLocation) {
      this.wsdlLocation = wsdlLocation;
      return this;
    }

    /**
     * Also generate the JAX-WS async variants of each service operation, {@code Response<T> opAsync(...)}
     * and {@code Future<?> opAsync(..., AsyncHandler<T>)}, through wsdl2java's own
     * {@code enableAsyncMapping} customization; callback interfaces stay synchronous. Off by default.
     *
     * @param asyncMapping true to generate the async variants
     * @return this builder
     */
    public Builder asyncMapping(boolean asyncMapping) {
      this.asyncMapping = asyncMapping;
      return this;
    }

    /**
     * CXF's own progress output, and the rewritten WSDL kept in a temp directory.
     *
     * @param verbose true for CXF's output and the kept WSDL
     * @return this builder
     */
    public Builder verbose(boolean verbose) {
      this.verbose = verbose;
      return this;
    }

    /**
     * Checks the settings and makes the generator.
     *
     * @return the generator; {@link WsdlToJava#generate()} runs it
     * @throws IllegalStateException if no WSDL or no output directory was given
     * @throws IllegalArgumentException if the package name is not a Java package name
     */
    public WsdlToJava build() {
      if (wsdls.isEmpty()) {
        throw new IllegalStateException("no WSDL given");
      }
      if (outputDirectory == null) {
        throw new IllegalStateException("no output directory given");
      }
      if (packageName != null && !packageName.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*")) {
        throw new IllegalArgumentException("not a Java package name: " + packageName);
      }
      return new WsdlToJava(this);
    }
  }
}
