package org.netduplex.samples.timetable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.netduplex.client.ClientState;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.samples.ConsoleClientCommand;
import org.netduplex.samples.ConsoleSession;
import org.netduplex.samples.ConsoleText;
import org.netduplex.timetable.ArrayOfRace;
import org.netduplex.timetable.ITimeService;
import org.netduplex.timetable.ITimeServiceCallback;
import org.netduplex.timetable.Race;
import org.netduplex.timetable.RaceUpdate;

/**
 * The Java console client of the bus timetable: registers, prints the whole table (sorted by time),
 * then keeps its own copy up to date with each diff the server pushes and prints what changed.
 */
public final class TimetableConsole implements ITimeServiceCallback, ConsoleClientCommand.Console {
  static final String HELP = "Commands: table   print the whole timetable again\n"
      + "          quit    leave";
  private static final Comparator<Race> BY_TIME = Comparator
      .comparing(Race::getTime, Comparator.nullsLast(Comparator.<String>naturalOrder()))
      .thenComparing(Race::getLine, Comparator.nullsLast(Comparator.<String>naturalOrder()))
      .thenComparing(Race::getUniqueID, Comparator.nullsLast(Comparator.<String>naturalOrder()));

  private final PrintStream out;
  private final ConsoleSession<ITimeService> session;
  /** The races by UniqueID, as the whole table and the diffs since describe them; guarded by this. */
  private final Map<String, Race> table = new LinkedHashMap<>();

  public TimetableConsole(URI url, DuplexClientConfig config, PrintStream out) {
    this.out = out;
    this.session = new ConsoleSession<>(url, config, out, ITimeService.class, ITimeServiceCallback.class, this,
        "an update").whenRenewed(this::start);
  }

  /**
   * Registers with the server (again, after it restarted); the whole table arrives first, then a diff
   * for each change.
   */
  public void start() {
    session.service().register();
  }

  /** Reads commands until {@code quit} or the end of input. */
  public void run(BufferedReader in) throws IOException {
    out.println(HELP);
    ConsoleSession.readLines(in, this::handle);
  }

  /** Runs one command; false when it was {@code quit}. */
  boolean handle(String line) {
    switch (line.toLowerCase(Locale.ROOT)) {
      case "" -> { }
      case "quit", "exit" -> {
        return false;
      }
      case "table" -> printTable();
      default -> out.println("Unknown command: " + line + "\n" + HELP);
    }
    return true;
  }

  @Override
  public void update(RaceUpdate update) {
    List<Race> changed = races(update.getAddedOrModified());
    List<Race> deleted = races(update.getDeleted());
    StringBuilder text = new StringBuilder();
    synchronized (this) {
      if (update.isFullTable()) {
        table.clear();
        changed.forEach(r -> table.put(r.getUniqueID(), r));
        appendTable(text);
      } else {
        List<Race> gone = new ArrayList<>();
        for (Race r : deleted) {
          Race known = table.remove(r.getUniqueID());
          gone.add(known != null && r.getTime() == null ? known : r); // a server may send only the id
        }
        changed.forEach(r -> table.put(r.getUniqueID(), r));
        Widths w = widths(table.values(), gone);
        changed.stream().sorted(BY_TIME).forEach(r -> text.append("+ ").append(row(r, w)).append('\n'));
        gone.stream().sorted(BY_TIME).forEach(r -> text.append("- ").append(row(r, w)).append('\n'));
        text.append(String.format(Locale.ROOT, "%d added or modified, %d deleted; %d races in the timetable%n",
            changed.size(), gone.size(), table.size()));
      }
    }
    out.print(text);
    out.flush();
  }

  /** Prints the table as this console knows it. */
  public void printTable() {
    StringBuilder text = new StringBuilder();
    synchronized (this) {
      appendTable(text);
    }
    out.print(text);
    out.flush();
  }

  private void appendTable(StringBuilder text) {
    Widths w = widths(table.values(), List.of());
    text.append("Timetable, ").append(table.size()).append(table.size() == 1 ? " race:" : " races:").append('\n');
    text.append("  ").append(w.format("Time", "Line", "Destination", "Race")).append('\n');
    table.values().stream().sorted(BY_TIME).forEach(r -> text.append("  ").append(row(r, w)).append('\n'));
  }

  private static String row(Race r, Widths w) {
    return w.format(text(r.getTime()), text(r.getLine()), text(r.getDestination()), text(r.getUniqueID()));
  }

  private static String text(String s) {
    return s == null ? "" : ConsoleText.clean(s);
  }

  /** Column widths wide enough for the header and every race given. */
  private record Widths(int time, int line, int destination) {
    String format(String t, String l, String d, String id) {
      return String.format(Locale.ROOT, "%-" + time + "s  %-" + line + "s  %-" + destination + "s  %s",
          t, l, d, id).stripTrailing();
    }
  }

  private static Widths widths(Iterable<Race> a, Iterable<Race> b) {
    int[] w = {"Time".length(), "Line".length(), "Destination".length()};
    for (Iterable<Race> races : List.of(a, b)) {
      for (Race r : races) {
        w[0] = Math.max(w[0], text(r.getTime()).length());
        w[1] = Math.max(w[1], text(r.getLine()).length());
        w[2] = Math.max(w[2], text(r.getDestination()).length());
      }
    }
    return new Widths(w[0], w[1], w[2]);
  }

  private static List<Race> races(ArrayOfRace array) {
    return array == null ? List.of() : array.getRace();
  }

  /** A copy of the table as this console holds it, sorted by time. */
  synchronized List<Race> races() {
    return table.values().stream().sorted(BY_TIME).toList();
  }

  public ClientState state() {
    return session.state();
  }

  @Override
  public void close() {
    session.close();
  }
}
