package org.netduplex.samples.timetable;

import java.io.PrintStream;
import java.net.URI;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.samples.CommandLine;
import org.netduplex.samples.ConsoleClientCommand;

/** {@code timetable-client}: prints the bus timetable, then what changes in it. */
public final class TimetableClientCommand extends ConsoleClientCommand<TimetableConsole> {
  public TimetableClientCommand() {
    super("http://localhost:10202/TimetableService");
  }

  @Override
  public String summary() {
    return "a console client of the bus timetable: the whole table, then each change as + and - lines";
  }

  @Override
  protected TimetableConsole open(URI url, DuplexClientConfig config, PrintStream out) {
    return new TimetableConsole(url, config, out);
  }

  @Override
  protected void start(TimetableConsole console, CommandLine line) {
    console.start();
  }
}
