package org.netduplex.benchmarks.runner;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.netduplex.benchmarks.Kind;

/**
 * Every figure of a run, by measure, server and repeat, and the Markdown table of them: the median of
 * the repeats for each server, and each ratio as the median of the ratios taken within each repeat (the
 * three servers measured back to back in the same round), so drift between rounds cancels.
 */
final class Results {
  private final Map<String, Measure> measures = new LinkedHashMap<>();

  private record Measure(String name, String unit, Map<Kind, List<Double>> values) {}

  void add(String measure, String unit, Kind kind, int repeat, double value) {
    Measure m = measures.computeIfAbsent(measure, n -> new Measure(n, unit, new EnumMap<>(Kind.class)));
    List<Double> list = m.values().computeIfAbsent(kind, k -> new ArrayList<>());
    while (list.size() <= repeat) {
      list.add(Double.NaN);
    }
    list.set(repeat, value);
  }

  /** A measure with no figure yet, shown as a row that says why. */
  void note(String measure, String why) {
    measures.computeIfAbsent(measure, n -> new Measure(n, why, new EnumMap<>(Kind.class)));
  }

  String markdown() {
    StringBuilder t = new StringBuilder();
    t.append("| measure | unit |");
    for (Kind k : Kind.values()) {
      t.append(' ').append(k.label).append(" |");
    }
    t.append(" ND / CometD | ND / raw |\n|---|---|---:|---:|---:|---:|---:|\n");
    for (Measure m : measures.values()) {
      t.append("| ").append(m.name()).append(" | ").append(m.unit()).append(" |");
      for (Kind k : Kind.values()) {
        t.append(' ').append(cell(m.values().get(k))).append(" |");
      }
      t.append(' ').append(ratio(m, Kind.COMETD)).append(" | ").append(ratio(m, Kind.RAW)).append(" |\n");
    }
    return t.toString();
  }

  /** One line per figure: measure, unit, server, repeat, value. */
  String tsv() {
    StringBuilder t = new StringBuilder("measure\tunit\tserver\trepeat\tvalue\n");
    for (Measure m : measures.values()) {
      m.values().forEach((k, list) -> {
        for (int r = 0; r < list.size(); r++) {
          t.append(m.name()).append('\t').append(m.unit()).append('\t').append(k).append('\t').append(r)
              .append('\t').append(list.get(r)).append('\n');
        }
      });
    }
    return t.toString();
  }

  /** A table cell: the median of the known figures, with their range when there are several; "—" for none. */
  static String cell(List<Double> values) {
    List<Double> known = values == null ? List.of() : values.stream().filter(v -> !v.isNaN()).toList();
    if (known.isEmpty()) {
      return "—";
    }
    String median = number(median(known));
    if (known.size() == 1) {
      return median;
    }
    double min = known.stream().mapToDouble(d -> d).min().orElseThrow();
    double max = known.stream().mapToDouble(d -> d).max().orElseThrow();
    return median + " (" + number(min) + "–" + number(max) + ")";
  }

  private static String ratio(Measure m, Kind peer) {
    List<Double> nd = m.values().get(Kind.NETDUPLEX);
    List<Double> other = m.values().get(peer);
    if (nd == null || other == null) {
      return "—";
    }
    List<Double> ratios = new ArrayList<>();
    for (int r = 0; r < Math.min(nd.size(), other.size()); r++) {
      if (!nd.get(r).isNaN() && !other.get(r).isNaN() && other.get(r) != 0) {
        ratios.add(nd.get(r) / other.get(r));
      }
    }
    return ratios.isEmpty() ? "—" : String.format(Locale.ROOT, "%.2f×", median(ratios));
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static String number(double v) {
    double a = Math.abs(v);
    String f = a >= 100 ? "%,.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, f, v);
  }
}
