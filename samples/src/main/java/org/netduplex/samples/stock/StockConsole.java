package org.netduplex.samples.stock;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.netduplex.client.ClientState;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.samples.ConsoleClientCommand;
import org.netduplex.samples.ConsoleSession;
import org.netduplex.samples.ConsoleText;
import org.netduplex.stock.IStockService;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.stock.Stock;

/**
 * The Java console client of the stock ticker: prints every quote the server pushes and sends
 * notes for a symbol with {@code Sync}, which every other client (pages included) then shows.
 * What other people wrote is printed as-is, without its control characters (see {@link ConsoleText}).
 */
public final class StockConsole implements IStockServiceCallback, ConsoleClientCommand.Console {
  static final String HELP = "Commands: notes <SYMBOL> <text>   send notes for a symbol to every client\n"
      + "          quit                     leave";

  private final PrintStream out;
  private final ConsoleSession<IStockService> session;
  private final Map<String, Stock> lastQuotes = new ConcurrentHashMap<>();

  public StockConsole(URI url, DuplexClientConfig config, PrintStream out) {
    this.out = out;
    this.session = new ConsoleSession<>(url, config, out, IStockService.class, IStockServiceCallback.class, this,
        "a quote").whenRenewed(this::start);
  }

  /** Registers with the server (again, after it restarted); quotes start arriving. */
  public void start() {
    session.service().register();
  }

  /** Reads commands until {@code quit} or the end of input. */
  public void run(BufferedReader in) throws IOException {
    out.println(HELP);
    ConsoleSession.readLines(in, this::handle);
  }

  /** Runs one command; false when it was {@code quit}. */
  boolean handle(String typed) {
    String line = ConsoleText.clean(typed).strip(); // XML cannot carry most control characters anyway
    if (line.isEmpty()) {
      return true;
    }
    String[] words = line.split("\\s+", 3);
    switch (words[0]) {
      case "quit", "exit" -> {
        return false;
      }
      case "notes" -> sendNotes(words);
      default -> out.println("Unknown command: " + words[0] + "\n" + HELP);
    }
    return true;
  }

  private void sendNotes(String[] words) {
    if (words.length < 3) {
      out.println("Usage: notes <SYMBOL> <text>");
      return;
    }
    String symbol = words[1].toUpperCase(Locale.ROOT);
    Stock last = lastQuotes.get(symbol);
    if (last == null) {
      out.println(lastQuotes.isEmpty() ? "No quotes yet; try again when the first ones are printed."
          : "Unknown symbol " + symbol + "; known: "
              + ConsoleText.clean(String.join(" ", new TreeSet<>(lastQuotes.keySet()))));
      return;
    }
    Stock withNotes = new Stock();
    withNotes.setSymbol(symbol);
    withNotes.setAsk(last.getAsk());
    withNotes.setBid(last.getBid());
    withNotes.setNotes(words[2]);
    try {
      session.service().sync(withNotes);
    } catch (RuntimeException e) {
      out.println("Sync failed: " + ConsoleText.reason(e));
    }
  }

  @Override
  public void update(Stock stock) {
    lastQuotes.put(stock.getSymbol(), stock);
    out.println(format(stock));
  }

  /** One quote as one line: {@code CZLP  ask    35.27  bid    34.21  notes: buy before the close}. */
  static String format(Stock s) {
    String notes = ConsoleText.clean(s.getNotes());
    return String.format(Locale.ROOT, "%-5s ask %8.2f  bid %8.2f%s", ConsoleText.clean(s.getSymbol()), s.getAsk(),
        s.getBid(), notes == null || notes.isEmpty() ? "" : "  notes: " + notes);
  }

  public ClientState state() {
    return session.state();
  }

  @Override
  public void close() {
    session.close();
  }
}
