package org.netduplex.codegen;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Generated sources compiled with javax.tools against the test classpath and loaded, as a user's build would. */
final class GeneratedCode implements AutoCloseable {
  private final URLClassLoader loader;

  private GeneratedCode(URLClassLoader loader) {
    this.loader = loader;
  }

  /** Generates {@code wsdl} into {@code dir}/src, compiles it into {@code dir}/classes and loads it. */
  static GeneratedCode generateAndCompile(Path dir, String... wsdls) throws Exception {
    Path src = dir.resolve("src");
    WsdlToJava.Builder b = WsdlToJava.builder().outputDirectory(src);
    for (String w : wsdls) {
      b.wsdl(WsdlToJava.location(w));
    }
    b.build().generate();
    return compile(src, dir.resolve("classes"));
  }

  static GeneratedCode compile(Path src, Path classes) throws IOException {
    Files.createDirectories(classes);
    List<File> sources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(src)) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(p -> sources.add(p.toFile()));
    }
    assertTrue(!sources.isEmpty(), "nothing generated in " + src);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, null)) {
      // Surefire runs tests from a manifest-only jar: the real test classpath is in this property.
      String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      List<String> options = List.of("-d", classes.toString(), "-classpath", classpath, "-Xlint:none", "-nowarn");
      boolean ok = javac.getTask(diagnostics, fm, null, options, null, fm.getJavaFileObjectsFromFiles(sources)).call();
      if (!ok) {
        fail("generated code does not compile:\n" + diagnostics);
      }
    }
    return new GeneratedCode(new URLClassLoader(new URL[] {classes.toUri().toURL()}, GeneratedCode.class.getClassLoader()));
  }

  Class<?> load(String name) throws ClassNotFoundException {
    return loader.loadClass(name);
  }

  @Override
  public void close() throws IOException {
    loader.close();
  }
}
