package org.netduplex.samples.stock;

import java.io.PrintStream;
import java.net.URI;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.samples.CommandLine;
import org.netduplex.samples.ConsoleClientCommand;

/** {@code stock-client}: prints live quotes from a StockService and sends notes with Sync. */
public final class StockClientCommand extends ConsoleClientCommand<StockConsole> {
  public StockClientCommand() {
    super("http://localhost:10201/StockService");
  }

  @Override
  public String summary() {
    return "a console client of a StockService (ours or WCF's): live quotes, notes with Sync";
  }

  @Override
  protected StockConsole open(URI url, DuplexClientConfig config, PrintStream out) {
    return new StockConsole(url, config, out);
  }

  @Override
  protected void start(StockConsole console, CommandLine line) {
    console.start();
  }
}
