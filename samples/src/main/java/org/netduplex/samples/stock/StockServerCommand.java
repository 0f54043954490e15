package org.netduplex.samples.stock;

import java.util.Map;
import org.netduplex.samples.Command;
import org.netduplex.samples.CommandLine;
import org.netduplex.samples.Durations;
import org.netduplex.samples.Main;

/** {@code stock-server}: the StockService of seed 002 with a quote ticker and its web page. */
public final class StockServerCommand implements Command {
  @Override
  public String usage() {
    return "the StockService of seed 002 with a quote ticker and page at /\n"
        + "                   --host localhost --port 10201 --poll-timeout 15s --inactivity-timeout 10m --tick 1s (0s: off)";
  }

  @Override
  public void run(Map<String, String> o) throws Exception {
    CommandLine line = new CommandLine(o);
    StockServer server = StockServer.start(new StockServer.Options()
        .host(line.host())
        .port(line.port(10201))
        .tickInterval(Durations.parse(o.getOrDefault("tick", "1s")))
        .config(line.serverConfig("10m")));
    System.out.print("StockService on\n" + server.describeEndpoints());
    System.out.println("Ticker page: " + server.pageAddress() + "; status: " + server.pageAddress() + "status");
    Main.runUntilStopped(server);
  }
}
