package org.netduplex.samples.stock;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.samples.Command;
import org.netduplex.samples.ConsoleLogging;
import org.netduplex.samples.Durations;

/** {@code stock-client}: prints live quotes from a StockService and sends notes with Sync. */
public final class StockClientCommand implements Command {
  @Override
  public String usage() {
    return "a console client of a StockService (ours or WCF's): live quotes, notes with Sync\n"
        + "                   --url http://localhost:10201/StockService --poll-timeout 15s (the server's)";
  }

  @Override
  public void run(Map<String, String> o) throws Exception {
    ConsoleLogging.quiet();
    URI url = URI.create(o.getOrDefault("url", "http://localhost:10201/StockService"));
    DuplexClientConfig config = DuplexClientConfig.builder()
        .serverPollTimeout(Durations.parse(o.getOrDefault("poll-timeout", "15s")))
        .build();
    try (StockConsole console = new StockConsole(url, config, System.out)) {
      console.start();
      console.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    }
  }
}
