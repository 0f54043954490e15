package org.netduplex.samples;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.netduplex.samples.chat.ChatClientCommand;
import org.netduplex.samples.chat.ChatServerCommand;
import org.netduplex.samples.stock.StockClientCommand;
import org.netduplex.samples.stock.StockServerCommand;
import org.netduplex.samples.timetable.TimetableClientCommand;
import org.netduplex.samples.timetable.TimetableServerCommand;

/** {@code java -jar netduplex-samples.jar <command> [--option value ...]}; {@code --help} lists the commands. */
public final class Main {
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

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      usage(System.out);
      return;
    }
    Command command = COMMANDS.get(args[0]);
    if (command == null) {
      System.err.println("Unknown command: " + args[0]);
      usage(System.err);
      System.exit(2);
      return;
    }
    try {
      command.run(parseOptions(Arrays.copyOfRange(args, 1, args.length)));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      usage(System.err);
      System.exit(2);
    }
  }

  /** Blocks until the JVM is asked to stop, then closes {@code server}. */
  public static void runUntilStopped(AutoCloseable server) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception e) {
        System.err.println("Error while stopping: " + e);
      }
      stopped.countDown();
    }));
    System.out.println("Press Ctrl+C to stop.");
    stopped.await();
  }

  static Map<String, String> parseOptions(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("Expected --option value, got: " + args[i]);
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }

  private static void usage(PrintStream out) {
    out.println("Usage: java -jar netduplex-samples.jar <command> [--option value ...]\n");
    COMMANDS.forEach((name, c) -> out.printf("  %-16s %s%n", name, c.usage()));
    out.println("\nDurations: 500ms, 15s, 10m, 1h or ISO-8601 (PT15S).");
  }
}
