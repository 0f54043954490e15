package org.netduplex.benchmarks;

import java.util.Arrays;
import org.netduplex.benchmarks.load.LoadMain;
import org.netduplex.benchmarks.proxy.ProxyMain;
import org.netduplex.benchmarks.runner.RunnerMain;
import org.netduplex.benchmarks.server.ServerMain;

/** The jar's entry: the runner, or (as the runner starts them) {@code server ...}, {@code load} and {@code proxy ...}. */
public final class BenchmarkMain {
  private BenchmarkMain() {}

  /**
   * Runs the part {@code args[0]} names, else the runner.
   *
   * @param args {@code server ...}, {@code load}, {@code proxy ...}, or the runner's options
   * @throws Exception whatever the part run throws
   */
  public static void main(String[] args) throws Exception {
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    if (args.length > 0 && args[0].equals("server")) {
      ServerMain.main(rest);
    } else if (args.length > 0 && args[0].equals("load")) {
      LoadMain.main(rest);
    } else if (args.length > 0 && args[0].equals("proxy")) {
      ProxyMain.main(rest);
    } else {
      RunnerMain.main(args);
    }
  }
}
