package org.netduplex.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A child JVM's side of the runner's line protocol: one command a line on stdin, one reply a line on
 * stdout, prefixed {@value #REPLY} so log lines on the same stream cannot be taken for replies. The
 * child ends when stdin closes, so a runner that dies takes its children with it.
 */
public final class ControlLoop {
  /** The prefix of every reply line. */
  public static final String REPLY = "@@ ";

  /** Answers one command line: a reply such as {@code OK key=value ...}, or throws. */
  public interface Commands {
    /**
     * Answers one command.
     *
     * @param words the command line, split at blanks
     * @return the reply, without {@link ControlLoop#REPLY}
     * @throws Exception anything; it is answered as {@code ERR}
     */
    String answer(String[] words) throws Exception;
  }

  private ControlLoop() {}

  /** The reply to one command line: the command's own, or {@code ERR} and what went wrong. */
  static String answer(Commands commands, String line) {
    try {
      return commands.answer(line.trim().split("\\s+"));
    } catch (Exception e) {
      return "ERR " + e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).replace('\n', ' ');
    }
  }

  /**
   * Says {@code ready}, then answers each stdin line until {@code quit} or the end of stdin.
   *
   * @param ready the first reply, sent before any command
   * @param commands answers each line
   * @throws IOException if stdin cannot be read
   */
  public static void run(String ready, Commands commands) throws IOException {
    PrintStream out = System.out;
    out.println(REPLY + ready);
    out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      if (line.trim().equals("quit")) {
        break;
      }
      String reply = answer(commands, line);
      out.println(REPLY + reply);
      out.flush();
    }
  }
}
