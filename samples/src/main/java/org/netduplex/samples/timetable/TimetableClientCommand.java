package org.netduplex.samples.timetable;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.samples.Command;
import org.netduplex.samples.ConsoleLogging;
import org.netduplex.samples.ConsoleText;
import org.netduplex.samples.Durations;

/** {@code timetable-client}: prints the bus timetable, then what changes in it. */
public final class TimetableClientCommand implements Command {
  @Override
  public String usage() {
    return "a console client of the bus timetable: the whole table, then each change as + and - lines\n"
        + "                   --url http://localhost:10202/TimetableService --poll-timeout 15s (the server's)";
  }

  @Override
  public void run(Map<String, String> o) throws Exception {
    ConsoleLogging.quiet();
    URI url = URI.create(o.getOrDefault("url", "http://localhost:10202/TimetableService"));
    DuplexClientConfig config = DuplexClientConfig.builder()
        .serverPollTimeout(Durations.parse(o.getOrDefault("poll-timeout", "15s")))
        .build();
    try (TimetableConsole console = new TimetableConsole(url, config, System.out)) {
      try {
        console.start();
      } catch (RuntimeException e) {
        System.out.println("Could not register with " + url + ": " + ConsoleText.reason(e));
        return;
      }
      console.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    }
  }
}
