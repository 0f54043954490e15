package org.netduplex.benchmarks.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the run was measured on, for the report's header. */
final class Machine {
  private Machine() {}

  static String describe() {
    return "Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs (" + firstValue("/proc/cpuinfo", "model name")
        + "), " + firstValue("/proc/meminfo", "MemTotal") + " memory; Java " + System.getProperty("java.version")
        + " (" + System.getProperty("java.vm.name") + "); " + System.getProperty("os.name") + " "
        + System.getProperty("os.version") + ".\n";
  }

  /** The 1, 5 and 15 minute load averages. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String firstValue(String file, String key) {
    try {
      for (String line : Files.readAllLines(Path.of(file))) {
        if (line.startsWith(key)) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      // not Linux: leave it out
    }
    return "unknown";
  }
}
