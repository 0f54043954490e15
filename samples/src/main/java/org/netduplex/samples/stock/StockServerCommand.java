package org.netduplex.samples.stock;

import java.util.Map;
import org.netduplex.samples.Command;
import org.netduplex.samples.Durations;
import org.netduplex.samples.Main;
import org.netduplex.server.DuplexServerConfig;

/** {@code stock-server}: the StockService of seed 002 with a quote ticker and its web page. */
public final class StockServerCommand implements Command {
  @Override
  public String usage() {
    return "the StockService of seed 002 with a quote ticker and page at /\n"
        + "                   --host localhost --port 10201 --poll-timeout 15s --inactivity-timeout 10m --tick 1s (0s: off)";
  }

  @Override
  public void run(Map<String, String> o) throws Exception {
    DuplexServerConfig config = DuplexServerConfig.builder()
        .pollTimeout(Durations.parse(o.getOrDefault("poll-timeout", "15s")))
        .inactivityTimeout(Durations.parse(o.getOrDefault("inactivity-timeout", "10m")))
        .build();
    StockServer server = StockServer.start(new StockServer.Options()
        .host(o.getOrDefault("host", "localhost"))
        .port(Integer.parseInt(o.getOrDefault("port", "10201")))
        .tickInterval(Durations.parse(o.getOrDefault("tick", "1s")))
        .config(config));
    System.out.println("StockService on " + server.address() + "; ticker page: " + server.pageAddress());
    Main.runUntilStopped(server);
  }
}
