package org.netduplex.benchmarks.runner;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The nodes suite's figures, by measure, setup and repeat, and their Markdown table: the median of the
 * repeats for each setup, and for each Redis setup what it adds to the in-memory node, as a difference
 * and a ratio, each the median of those taken within a repeat (the setups run back to back).
 */
final class NodesResults {
  private final Map<String, Measure> measures = new LinkedHashMap<>();

  private record Measure(String name, String unit, Map<Setup, List<Double>> values) {}

  void add(String measure, String unit, Setup setup, int repeat, double value) {
    Measure m = measures.computeIfAbsent(measure, n -> new Measure(n, unit, new EnumMap<>(Setup.class)));
    List<Double> list = m.values().computeIfAbsent(setup, k -> new ArrayList<>());
    while (list.size() <= repeat) {
      list.add(Double.NaN);
    }
    list.set(repeat, value);
  }

  String markdown() {
    StringBuilder t = new StringBuilder("| measure | unit |");
    for (Setup s : Setup.values()) {
      t.append(' ').append(s.label).append(" |");
    }
    t.append(" 1 node Redis − memory | 3 nodes Redis − memory |\n|---|---|---:|---:|---:|---:|---:|\n");
    for (Measure m : measures.values()) {
      t.append("| ").append(m.name()).append(" | ").append(m.unit()).append(" |");
      for (Setup s : Setup.values()) {
        t.append(' ').append(Results.cell(m.values().get(s))).append(" |");
      }
      t.append(' ').append(added(m, Setup.REDIS)).append(" | ").append(added(m, Setup.REDIS_THREE)).append(" |\n");
    }
    return t.toString();
  }

  /** One line per figure: measure, unit, setup, repeat, value. */
  String tsv() {
    StringBuilder t = new StringBuilder("measure\tunit\tsetup\trepeat\tvalue\n");
    for (Measure m : measures.values()) {
      m.values().forEach((s, list) -> {
        for (int r = 0; r < list.size(); r++) {
          t.append(m.name()).append('\t').append(m.unit()).append('\t').append(s).append('\t').append(r)
              .append('\t').append(list.get(r)).append('\n');
        }
      });
    }
    return t.toString();
  }


  /** "+d (r×)": the median difference and ratio to the in-memory node within each repeat. */
  private static String added(Measure m, Setup setup) {
    List<Double> base = m.values().get(Setup.MEMORY);
    List<Double> other = m.values().get(setup);
    if (base == null || other == null) {
      return "—";
    }
    List<Double> differences = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    for (int r = 0; r < Math.min(base.size(), other.size()); r++) {
      if (!base.get(r).isNaN() && !other.get(r).isNaN()) {
        differences.add(other.get(r) - base.get(r));
        if (base.get(r) != 0) {
          ratios.add(other.get(r) / base.get(r));
        }
      }
    }
    if (differences.isEmpty()) {
      return "—";
    }
    double d = Results.median(differences);
    return (d >= 0 ? "+" : "−") + Results.number(Math.abs(d))
        + (ratios.isEmpty() ? "" : String.format(Locale.ROOT, " (%.2f×)", Results.median(ratios)));
  }
}
