package org.netduplex.samples.timetable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.netduplex.samples.Command;
import org.netduplex.samples.CommandLine;
import org.netduplex.samples.ConsoleLogging;
import org.netduplex.samples.Main;
import org.netduplex.samples.Option;
import org.netduplex.samples.UsageException;

/** {@code timetable-server}: the bus timetable of seed 003, fed by a file you can edit, page at {@code /}. */
public final class TimetableServerCommand implements Command {
  private static final Option FILE = Option.text("file", "<path>",
      "the timetable file to watch; a missing one is made from the sample (default: a temporary copy)");

  @Override
  public String summary() {
    return "the bus timetable of seed 003: edit the printed file, watch the page at / change";
  }

  @Override
  public List<Option> options() {
    List<Option> options = new ArrayList<>(CommandLine.serverOptions(10202, "10m"));
    options.add(FILE);
    return options;
  }

  @Override
  public void run(CommandLine line) throws Exception {
    if (line.clustered() && !line.has(FILE.name())) {
      // One node watches and publishes for all: they must all read the file it watches.
      throw new UsageException("timetable-server: --redis needs --file <path>, the one file every node reads");
    }
    ConsoleLogging.server();
    TimetableServer.Options options = new TimetableServer.Options()
        .host(line.host())
        .port(line.port(10202))
        .config(line.serverConfig("10m", "timetable"));
    if (line.has(FILE.name())) {
      options.file(Path.of(line.value(FILE.name())));
    }
    TimetableServer server = TimetableServer.start(options);
    System.out.print("TimetableService on\n" + server.describeEndpoints());
    System.out.println("Timetable page: " + server.pageAddress() + "; status: " + server.pageAddress() + "status");
    System.out.println("Timetable file: " + server.file() + " (edit and save it; every page shows the change)");
    if (!line.has(FILE.name())) {
      System.out.println("It is a temporary copy, deleted when the server stops; use --file <path> to keep your edits.");
    }
    Main.runUntilStopped(server);
  }
}
