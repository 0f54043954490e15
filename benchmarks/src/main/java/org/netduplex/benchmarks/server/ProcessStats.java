package org.netduplex.benchmarks.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This JVM's footprint, measured: heap used after full collections ({@code MemoryMXBean}), live Java
 * threads, and from {@code /proc/self/status} the resident set and the OS threads.
 */
final class ProcessStats {
  private ProcessStats() {}

  static String measure() throws IOException, InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc(); // G1 runs a full collection for System.gc() unless -XX:+ExplicitGCInvokesConcurrent
      Thread.sleep(100);
    }
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    int threads = ManagementFactory.getThreadMXBean().getThreadCount();
    return "heap=" + heap + " threads=" + threads + " rss=" + statusKb("VmRSS:") * 1024
        + " osThreads=" + statusKb("Threads:");
  }

  /** The number of a line of /proc/self/status, -1 where there is no such file. */
  private static long statusKb(String field) throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return -1;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
      }
    }
    return -1;
  }
}
