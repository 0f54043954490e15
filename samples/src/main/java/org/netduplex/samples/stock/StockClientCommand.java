package org.netduplex.samples.stock;

import java.io.PrintStream;
import java.net.URI;
import java.util.Map;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.samples.ConsoleClientCommand;

/** {@code stock-client}: prints live quotes from a StockService and sends notes with Sync. */
public final class StockClientCommand extends ConsoleClientCommand<StockConsole> {
  public StockClientCommand() {
    super("http://localhost:10201/StockService");
  }

  @Override
  public String usage() {
    return "a console client of a StockService (ours or WCF's): live quotes, notes with Sync\n"
        + "                   --url http://localhost:10201/StockService --poll-timeout 15s (the server's)";
  }

  @Override
  protected StockConsole open(URI url, DuplexClientConfig config, PrintStream out) {
    return new StockConsole(url, config, out);
  }

  @Override
  protected void start(StockConsole console, Map<String, String> options) {
    console.start();
  }
}
