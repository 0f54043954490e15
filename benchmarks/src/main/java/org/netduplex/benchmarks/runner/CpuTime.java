package org.netduplex.benchmarks.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's CPU time so far, user plus system, from {@code /proc/PID/stat} (fields 14 and 15, in
 * clock ticks of 10 ms: {@code getconf CLK_TCK} is 100 on Linux x86-64). System time includes the
 * kernel's loopback TCP work done in the process's own system calls.
 */
final class CpuTime {
  static final long NANOS_PER_TICK = 10_000_000;

  private CpuTime() {}

  static long nanos(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
  }
}
