package org.netduplex.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.DuplexSessionListener;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The README's "Spring Boot" and "Micrometer" snippets are the code the tests compile and run, and
 * its properties are the starter's, with the defaults it states.
 */
class ReadmeBootTest {
  @Test
  void theEndpointSnippetIsTheSampleApps() throws IOException {
    assertTrue(readme().contains(snippet("spring-boot-starter/src/test/java/org/netduplex/spring/boot/StockApp.java",
        "boot-endpoint")), "README's endpoint bean differs from StockApp's");
    assertTrue(readme().contains(snippet("micrometer/src/test/java/org/netduplex/micrometer/DuplexMeterBinderTest.java",
        "binder")), "README's binder line differs from DuplexMeterBinderTest's");
  }

  @Test
  void thePropertiesBindAndAreTheConfigsDefaults() throws IOException {
    Matcher block = Pattern.compile("```properties\n(.*?)```", Pattern.DOTALL).matcher(readme());
    assertTrue(block.find(), "no properties block in README");
    Map<String, String> properties = block.group(1).lines().map(l -> l.split("=", 2))
        .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
    NetDuplexServerProperties bound = new Binder(new MapConfigurationPropertySource(properties))
        .bind("netduplex.server", Bindable.of(NetDuplexServerProperties.class), new NoUnboundElementsBindHandler(BindHandler.DEFAULT))
        .get();
    assertEquals(7, properties.size());
    assertEquals(DuplexServerConfig.builder().build().toString(), bound.toConfig(DuplexSessionListener.NONE).toString());
  }

  private static String readme() throws IOException {
    return Files.readString(root().resolve("README.md"));
  }

  private static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.exists(dir.resolve("README.md"))) {
      dir = dir.getParent();
    }
    return dir;
  }

  /** The lines between {@code // README:<name>-begin} and {@code -end}, their common indentation removed. */
  private static String snippet(String file, String name) throws IOException {
    List<String> region = new ArrayList<>();
    boolean inside = false;
    for (String line : Files.readAllLines(root().resolve(file))) {
      if (line.trim().equals("// README:" + name + "-end")) {
        inside = false;
      } else if (inside) {
        region.add(line);
      } else if (line.trim().equals("// README:" + name + "-begin")) {
        inside = true;
      }
    }
    assertTrue(!region.isEmpty(), "no README:" + name + " region in " + file);
    int indent = region.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    return region.stream().map(l -> l.length() >= indent ? l.substring(indent) : l.strip())
        .collect(Collectors.joining("\n", "", "\n"));
  }
}
