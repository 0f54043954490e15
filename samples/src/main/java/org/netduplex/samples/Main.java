package org.netduplex.samples;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.netduplex.samples.chat.ChatClientCommand;
import org.netduplex.samples.chat.ChatServerCommand;
import org.netduplex.samples.stock.StockClientCommand;
import org.netduplex.samples.stock.StockServerCommand;
import org.netduplex.samples.timetable.TimetableClientCommand;
import org.netduplex.samples.timetable.TimetableServerCommand;

/**
 * {@code java -jar netduplex-samples.jar <command> [--option value ...]}; {@code --help} lists the
 * commands, {@code <command> --help} its options. Exit codes: 0 done (or help shown), 1 the command
 * failed (a port in use), 2 the command line is wrong; each failure is one line on standard error.
 */
public final class Main {
  static final String JAR = "java -jar netduplex-samples.jar";
  private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("stock-server", new StockServerCommand());
    COMMANDS.put("stock-client", new StockClientCommand());
    COMMANDS.put("chat-server", new ChatServerCommand());
    COMMANDS.put("chat-client", new ChatClientCommand());
    COMMANDS.put("timetable-server", new TimetableServerCommand());
    COMMANDS.put("timetable-client", new TimetableClientCommand());
  }

  private Main() {}

  public static void main(String[] args) {
    int exit = run(args, System.out, System.err);
    if (exit != 0) {
      System.exit(exit);
    }
  }

  /** Runs the command {@code args} name; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    List<String> all = Arrays.asList(args);
    if (all.isEmpty() || isHelp(all.get(0))) {
      usage(out);
      return 0;
    }
    boolean helpFor = all.get(0).equals("help");
    String name = helpFor ? (all.size() > 1 ? all.get(1) : "") : all.get(0);
    if (helpFor && name.isEmpty()) {
      usage(out);
      return 0;
    }
    Command command = COMMANDS.get(name);
    if (command == null) {
      err.println("Unknown command: " + name + " (" + JAR + " --help lists them: " + String.join(", ", COMMANDS.keySet()) + ")");
      return 2;
    }
    List<String> rest = all.subList(helpFor ? 2 : 1, all.size());
    if (helpFor || rest.stream().anyMatch(Main::isHelp)) {
      usage(name, command, out);
      return 0;
    }
    try {
      command.run(CommandLine.parse(name, rest, command.options()));
      return 0;
    } catch (UsageException e) {
      err.println(e.getMessage() + "; " + JAR + " " + name + " --help lists the options");
      return 2;
    } catch (PortInUseException e) {
      err.println(name + ": " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) { // a value its option let through but the settings refuse
      err.println(name + ": " + ConsoleText.reason(e));
      return 2;
    } catch (Exception e) {
      err.println(name + " failed: " + ConsoleText.reason(e));
      return 1;
    }
  }

  private static boolean isHelp(String arg) {
    return arg.equals("--help") || arg.equals("-h");
  }

  /** Blocks until the JVM is asked to stop, then closes {@code server}. */
  public static void runUntilStopped(AutoCloseable server) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception e) {
        System.err.println("Error while stopping: " + ConsoleText.reason(e));
      }
      stopped.countDown();
    }));
    System.out.println("Press Ctrl+C to stop.");
    stopped.await();
  }

  private static void usage(PrintStream out) {
    out.println("Usage: " + JAR + " <command> [--option value ...]\n");
    COMMANDS.forEach((name, c) -> out.printf("  %-17s %s%n", name, c.summary()));
    out.println("\n" + JAR + " <command> --help lists a command's options and their defaults.");
  }

  static void usage(String name, Command command, PrintStream out) {
    out.println("Usage: " + JAR + " " + name + " [--option value ...]");
    out.println(command.summary() + "\n\nOptions (with their defaults or an example):");
    int width = command.options().stream().mapToInt(o -> o.synopsis().length()).max().orElse(0);
    for (Option o : command.options()) {
      out.printf("  %-" + width + "s  %s%n", o.synopsis(), o.meaning());
    }
    out.println("\nDurations: 500ms, 15s, 10m, 1h or ISO-8601 (PT15S).");
  }
}
