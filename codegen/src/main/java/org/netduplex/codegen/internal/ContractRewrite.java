package org.netduplex.codegen.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.netduplex.codegen.CodegenException;
import org.netduplex.codegen.DuplexContract;
import org.netduplex.codegen.GenerationResult;

/**
 * One generation run: load each WSDL with its imports, leave out what is not contract, split the
 * duplex portTypes, check the names, write everything to a working directory and let CXF's
 * wsdl2java generate from there: once per WSDL given, once per callback contract.
 */
public final class ContractRewrite {
  private static final String BINDINGS_XJB = """
      <?xml version="1.0" encoding="UTF-8"?>
      <jaxb:bindings xmlns:jaxb="https://jakarta.ee/xml/ns/jaxb" version="3.0">
        <jaxb:globalBindings generateElementProperty="false"/>
      </jaxb:bindings>
      """;

  private ContractRewrite() {
  }

  public static GenerationResult run(List<URI> wsdls, Path outputDirectory, String packageName, String wsdlLocation,
      boolean asyncMapping, boolean verbose) throws CodegenException {
    List<String> skipped = new ArrayList<>();
    List<SourceDocument> entries = new ArrayList<>();
    DocumentLoader loader = new DocumentLoader();
    for (URI uri : wsdls) {
      entries.add(loader.loadWsdl(uri));
    }
    List<SourceDocument> all = loader.documents();
    List<SourceDocument> wsdlDocs = all.stream().filter(SourceDocument::isWsdl).toList();
    WcfExtensionStripper stripper = new WcfExtensionStripper(skipped);
    wsdlDocs.forEach(stripper::strip);
    new UnsupportedBindingFilter(skipped).filter(wsdlDocs);
    new ReferenceChecker().check(all);
    List<DuplexSplitter.CallbackDocument> callbacks = new DuplexSplitter(wsdlDocs, skipped).split();
    if (asyncMapping) {
      AsyncMapping.enable(wsdlDocs); // the service portTypes only: the callbacks are in documents of their own
    }

    Path work = null;
    try {
      work = Files.createTempDirectory("netduplex-codegen");
      Files.createDirectories(outputDirectory);
      for (SourceDocument doc : all) {
        Dom.write(doc.document(), work.resolve(doc.fileName()));
      }
      for (DuplexSplitter.CallbackDocument cb : callbacks) {
        Dom.write(cb.document(), work.resolve(cb.fileName()));
      }
      Path xjb = work.resolve("netduplex-bindings.xjb");
      Files.writeString(xjb, BINDINGS_XJB);
      CxfWsdlToJava cxf = new CxfWsdlToJava(outputDirectory, xjb, packageName, verbose);
      for (SourceDocument entry : entries) {
        String location = wsdlLocation != null ? wsdlLocation : entry.uri().toString();
        cxf.generate(work.resolve(entry.fileName()), location, entry.displayName());
      }
      for (DuplexSplitter.CallbackDocument cb : callbacks) {
        cxf.generateCallback(work.resolve(cb.fileName()),
            "the callback contract " + cb.contract().callbackPortType().getLocalPart() + " split from "
                + cb.contract().portType().getLocalPart());
      }
    } catch (IOException e) {
      throw new CodegenException("Cannot write the generated sources to " + outputDirectory + ": " + e.getMessage(), e);
    } finally {
      if (work != null && !verbose) {
        deleteQuietly(work);
      }
    }
    if (verbose && work != null) {
      skipped.add("the rewritten WSDL is kept in " + work);
    }
    List<DuplexContract> contracts = callbacks.stream().map(DuplexSplitter.CallbackDocument::contract).toList();
    return new GenerationResult(contracts, skipped);
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is harmless
    }
  }
}
