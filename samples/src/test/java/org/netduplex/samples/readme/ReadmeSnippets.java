package org.netduplex.samples.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Cuts the regions marked {@code // README:<name>-begin/-end} out of the example sources. */
final class ReadmeSnippets {
  private ReadmeSnippets() {}

  static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("README.md"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("README.md not found above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  static String readme() throws IOException {
    return Files.readString(projectRoot().resolve("README.md"));
  }

  /** The lines between the markers, with their common indentation removed. */
  static String snippet(String sourceFile, String name) throws IOException {
    Path source = projectRoot().resolve("samples/src/main/java/org/netduplex/samples/readme").resolve(sourceFile);
    List<String> lines = Files.readAllLines(source);
    List<String> region = new ArrayList<>();
    boolean inside = false;
    for (String line : lines) {
      if (line.trim().equals("// README:" + name + "-begin")) {
        inside = true;
      } else if (line.trim().equals("// README:" + name + "-end")) {
        inside = false;
      } else if (inside) {
        region.add(line);
      }
    }
    if (region.isEmpty()) {
      throw new IllegalStateException("No README:" + name + " region in " + source);
    }
    int indent = region.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    StringBuilder out = new StringBuilder();
    for (String line : region) {
      out.append(line.length() >= indent ? line.substring(indent) : line.strip()).append('\n');
    }
    return out.toString();
  }
}
