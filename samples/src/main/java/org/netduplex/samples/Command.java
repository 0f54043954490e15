package org.netduplex.samples;

import java.util.Map;

/** One command of the samples jar: {@code java -jar netduplex-samples.jar <name> --option value ...}. */
public interface Command {
  /** One line for the usage text: the options and their defaults. */
  String usage();

  /** Runs until the user stops it (servers) or quits (clients). */
  void run(Map<String, String> options) throws Exception;
}
