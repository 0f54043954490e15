package org.netduplex.codegen;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code java -jar netduplex-codegen.jar --wsdl <file or URL> --out <dir> [--package <name>] [--async]}: exit 0
 * on success, 1 with a one-line reason when the contract cannot be generated, 2 on a usage error.
 */
public final class Main {
  static final String USAGE = """
      Usage: java -jar netduplex-codegen.jar --wsdl <file or http(s) URL> [--wsdl ...] --out <dir> [options]

      Generates Java from a WCF service's WSDL for NetDuplex: each duplex portType becomes a service
      interface and a callback interface named <PortType>Callback; other portTypes generate as
      CXF's wsdl2java would.

        --wsdl <file|url>       a WSDL as WCF serves it (?wsdl, ?singleWsdl) or a file; repeatable
        --out <dir>             where the Java sources go
        --package <name>        one Java package for everything (default: as JAX-WS maps each namespace)
        --wsdl-location <loc>   what generated Service classes load (default: the --wsdl given)
        --async                 also the JAX-WS async variants of each service operation
                                (Response<T> opAsync(...), Future<?> opAsync(..., AsyncHandler<T>)),
                                as wsdl2java's enableAsyncMapping makes them; callbacks stay as they are
        --verbose               CXF's output, what was left out, the rewritten WSDL kept, stack traces
        --help                  this text
      """;

  private Main() {
  }

  /**
   * Runs the generator and exits the JVM with the code above.
   *
   * @param args the options of the usage text above; {@code --help} prints it
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    WsdlToJava.Builder builder = WsdlToJava.builder();
    boolean verbose = false;
    boolean hasWsdl = false;
    boolean hasOut = false;
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--help", "-h" -> {
            out.print(USAGE);
            return 0;
          }
          case "--verbose", "-v" -> verbose = true;
          case "--wsdl" -> {
            builder.wsdl(WsdlToJava.location(value(args, ++i, a)));
            hasWsdl = true;
          }
          case "--out" -> {
            builder.outputDirectory(Path.of(value(args, ++i, a)));
            hasOut = true;
          }
          case "--package" -> builder.packageName(value(args, ++i, a));
          case "--wsdl-location" -> builder.wsdlLocation(value(args, ++i, a));
          case "--async" -> builder.asyncMapping(true);
          default -> throw new IllegalArgumentException("unknown option " + a);
        }
      }
      if (!hasWsdl || !hasOut) {
        throw new IllegalArgumentException(hasWsdl ? "--out is missing" : "--wsdl is missing");
      }
      builder.verbose(verbose);
    } catch (IllegalArgumentException e) {
      err.println("netduplex-codegen: " + e.getMessage() + " (--help for usage)");
      return 2;
    }
    try {
      GenerationResult result = builder.build().generate();
      if (verbose) {
        result.skipped().forEach(s -> out.println("skipped: " + s));
      }
      List<DuplexContract> duplex = result.duplexContracts();
      for (DuplexContract c : duplex) {
        out.println("duplex " + c.portType().getLocalPart() + ": service " + c.serviceOperations()
            + " operation(s), callback " + c.callbackPortType().getLocalPart() + " " + c.callbackOperations() + " operation(s)");
      }
      return 0;
    } catch (CodegenException | RuntimeException e) {
      err.println("netduplex-codegen: " + oneLine(e));
      if (verbose) {
        e.printStackTrace(err);
      }
      return 1;
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static String oneLine(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
