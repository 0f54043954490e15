package org.netduplex.codegen.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.cxf.tools.common.ToolContext;
import org.apache.cxf.tools.wsdlto.WSDLToJava;
import org.netduplex.codegen.CodegenException;

/**
 * Runs CXF's own wsdl2java (JAX-WS frontend, JAXB databinding) on one rewritten document, in
 * process, with the project's JAXB customisation ({@code generateElementProperty="false"}: WCF makes
 * every member nillable, and nil maps to null rather than to a {@code JAXBElement}).
 */
final class CxfWsdlToJava {
  private static final String VALIDATOR_LOGGER = "org.apache.cxf.tools.validator.internal.WSDLRefValidator";

  private final Path outputDirectory;
  private final Path bindingFile;
  private final String packageName;
  private final boolean verbose;

  CxfWsdlToJava(Path outputDirectory, Path bindingFile, String packageName, boolean verbose) {
    this.outputDirectory = outputDirectory;
    this.bindingFile = bindingFile;
    this.packageName = packageName;
    this.verbose = verbose;
  }

  /** Generates {@code wsdl}; {@code wsdlLocation} (nullable) is what generated Service classes load. */
  void generate(Path wsdl, String wsdlLocation, String describedAs) throws CodegenException {
    generate(wsdl, wsdlLocation, describedAs, false);
  }

  /**
   * Generates a callback contract: a document with no service on purpose, which CXF's validator
   * would warn about on every run; that one warning is silenced while it runs.
   */
  void generateCallback(Path wsdl, String describedAs) throws CodegenException {
    generate(wsdl, null, describedAs, true);
  }

  private void generate(Path wsdl, String wsdlLocation, String describedAs, boolean serviceless) throws CodegenException {
    List<String> args = new ArrayList<>(List.of(
        "-d", outputDirectory.toString(),
        "-b", bindingFile.toUri().toString(),
        "-fe", "jaxws", "-db", "jaxb",
        "-exsh", "false",
        "-suppress-generated-date"));
    if (packageName != null) {
      args.addAll(List.of("-p", packageName));
    }
    if (wsdlLocation != null) {
      args.addAll(List.of("-wsdlLocation", wsdlLocation));
    }
    args.add(verbose ? "-verbose" : "-quiet");
    args.add(wsdl.toUri().toString());
    Logger validator = Logger.getLogger(VALIDATOR_LOGGER);
    Level before = validator.getLevel();
    if (serviceless && !verbose) {
      validator.setLevel(Level.SEVERE);
    }
    try {
      new WSDLToJava(args.toArray(new String[0])).run(new ToolContext());
    } catch (Exception e) {
      throw new CodegenException("CXF wsdl2java failed on " + describedAs + ": " + firstLine(e), e);
    } finally {
      validator.setLevel(before);
    }
  }

  private static String firstLine(Throwable e) {
    Throwable t = e;
    while ((t.getMessage() == null || t.getMessage().isBlank()) && t.getCause() != null) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl).strip();
  }
}
