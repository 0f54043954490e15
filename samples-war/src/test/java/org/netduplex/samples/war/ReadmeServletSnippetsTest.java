package org.netduplex.samples.war;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's servlet container section quotes this web application's compiled sources verbatim. */
class ReadmeServletSnippetsTest {

  @Test
  void readmeQuotesTheWebXmlAndTheServletVerbatim() throws IOException {
    Path root = projectRoot();
    String readme = Files.readString(root.resolve("README.md"));
    String webXml = snippet(root.resolve("samples-war/src/main/webapp/WEB-INF/web.xml"), "<!-- README:webxml-begin -->",
        "<!-- README:webxml-end -->");
    String servlet = snippet(root.resolve("samples-war/src/main/java/org/netduplex/samples/war/StockServiceServlet.java"),
        "// README:servlet-begin", "// README:servlet-end");
    assertTrue(readme.contains(webXml), "README web.xml snippet is stale:\n" + webXml);
    assertTrue(readme.contains(servlet), "README servlet snippet is stale:\n" + servlet);
  }

  private static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("README.md"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("README.md not found above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  /** The lines between the markers, with their common indentation removed. */
  private static String snippet(Path source, String begin, String end) throws IOException {
    List<String> region = new ArrayList<>();
    boolean inside = false;
    for (String line : Files.readAllLines(source)) {
      if (line.trim().equals(begin)) {
        inside = true;
      } else if (line.trim().equals(end)) {
        inside = false;
      } else if (inside) {
        region.add(line);
      }
    }
    if (region.isEmpty()) {
      throw new IllegalStateException("No " + begin + " region in " + source);
    }
    int indent = region.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min()
        .orElse(0);
    StringBuilder out = new StringBuilder();
    for (String line : region) {
      out.append(line.length() >= indent ? line.substring(indent) : line.strip()).append('\n');
    }
    return out.toString();
  }
}
