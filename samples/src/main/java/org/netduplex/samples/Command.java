package org.netduplex.samples;

import java.util.List;

/** One command of the samples jar: {@code java -jar netduplex-samples.jar <name> --option value ...}. */
public interface Command {
  /** What the command is, in one line. */
  String summary();

  /** Every option it takes; any other is refused. */
  List<Option> options();

  /** Runs until the user stops it (servers) or quits (clients). */
  void run(CommandLine line) throws Exception;
}
