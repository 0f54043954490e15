package org.netduplex.samples.timetable;

import java.nio.file.Path;
import java.util.Map;
import org.netduplex.samples.Command;
import org.netduplex.samples.CommandLine;
import org.netduplex.samples.Main;

/** {@code timetable-server}: the bus timetable of seed 003, fed by a file you can edit, page at {@code /}. */
public final class TimetableServerCommand implements Command {
  @Override
  public String usage() {
    return "the bus timetable of seed 003: edit the printed file, watch the page at / change\n"
        + "                   --host localhost --port 10202 --file <path> (default: a temporary copy of the sample;"
        + " a missing file is made from it)\n"
        + "                   --poll-timeout 15s --inactivity-timeout 10m";
  }

  @Override
  public void run(Map<String, String> o) throws Exception {
    CommandLine line = new CommandLine(o);
    TimetableServer.Options options = new TimetableServer.Options()
        .host(line.host())
        .port(line.port(10202))
        .config(line.serverConfig("10m"));
    if (o.containsKey("file")) {
      options.file(Path.of(o.get("file")));
    }
    TimetableServer server = TimetableServer.start(options);
    System.out.print("TimetableService on\n" + server.describeEndpoints());
    System.out.println("Timetable page: " + server.pageAddress() + "; status: " + server.pageAddress() + "status");
    System.out.println("Timetable file: " + server.file() + " (edit and save it; every page shows the change)");
    if (!o.containsKey("file")) {
      System.out.println("It is a temporary copy, deleted when the server stops; use --file <path> to keep your edits.");
    }
    Main.runUntilStopped(server);
  }
}
