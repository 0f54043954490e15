package org.netduplex.samples.stock;

import java.util.ArrayList;
import java.util.List;
import org.netduplex.samples.Command;
import org.netduplex.samples.CommandLine;
import org.netduplex.samples.ConsoleLogging;
import org.netduplex.samples.Main;
import org.netduplex.samples.Option;

/** {@code stock-server}: the StockService of seed 002 with a quote ticker and its web page. */
public final class StockServerCommand implements Command {
  private static final Option TICK = Option.duration("tick", "1s", "time between quote changes", "no ticker");

  @Override
  public String summary() {
    return "the StockService of seed 002 with a quote ticker, its page at / and status at /status";
  }

  @Override
  public List<Option> options() {
    List<Option> options = new ArrayList<>(CommandLine.serverOptions(10201, "10m"));
    options.add(TICK);
    return options;
  }

  @Override
  public void run(CommandLine line) throws Exception {
    ConsoleLogging.server();
    StockServer server = StockServer.start(new StockServer.Options()
        .host(line.host())
        .port(line.port(10201))
        .tickInterval(line.duration(TICK.name(), TICK.example()))
        .config(line.serverConfig("10m", "stock")));
    System.out.print("StockService on\n" + server.describeEndpoints());
    System.out.println("Ticker page: " + server.pageAddress() + "; status: " + server.pageAddress() + "status");
    Main.runUntilStopped(server);
  }
}
