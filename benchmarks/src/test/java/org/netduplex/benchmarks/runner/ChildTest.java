package org.netduplex.benchmarks.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every process of a run gets the same open-file limit, whatever the runner was started with. */
class ChildTest {
  @Test
  void aChildRunsWithTheRunsOpenFileLimit() throws Exception {
    String expected = Integer.toString(Math.min(Child.FD_LIMIT, hardLimit()));
    // A lower soft limit in the parent (as a login shell's 1,024 would be) is raised for the child.
    Process p = new ProcessBuilder(List.of("sh", "-c", "ulimit -S -n 256; exec \"$@\"", "sh", "sh", "-c",
        String.join(" ", quoted(Child.withFdLimit(List.of("sh", "-c", "ulimit -n"))))))
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    p.waitFor();
    assertEquals(expected, out);
  }

  private static int hardLimit() throws Exception {
    Process p = new ProcessBuilder("sh", "-c", "ulimit -Hn").start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    p.waitFor();
    return out.equals("unlimited") ? Integer.MAX_VALUE : Integer.parseInt(out);
  }

  private static List<String> quoted(List<String> words) {
    return words.stream().map(w -> "'" + w.replace("'", "'\\''") + "'").toList();
  }
}
