package org.vimana.sim.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vimana.core.workload.Workload;

/**
 * Writes a {@link Workload} as {@code workload.*} properties and reads it back: {@code
 * workload.kind} (constant, diurnal, bursty, trace) and one key per record component, doubles in
 * Java's round-trip notation, trace samples comma-separated.
 */
final class WorkloadFormat {
  private static final String P = "workload.";

  private WorkloadFormat() {}

  static void write(Workload w, Map<String, String> out) {
    out.put(P + "kind", w.kind());
    if (w instanceof Workload.Constant c) {
      put(out, "cpu", c.cpu());
      put(out, "memory", c.memory());
    } else if (w instanceof Workload.Diurnal d) {
      put(out, "base", d.base());
      put(out, "amplitude", d.amplitude());
      put(out, "periodSeconds", d.periodSeconds());
      put(out, "phaseSeconds", d.phaseSeconds());
      put(out, "memory", d.memory());
    } else if (w instanceof Workload.Bursty b) {
      put(out, "base", b.base());
      put(out, "peak", b.peak());
      put(out, "burstProbability", b.burstProbability());
      put(out, "burstSeconds", b.burstSeconds());
      out.put(P + "seed", Long.toString(b.seed()));
      put(out, "memory", b.memory());
    } else if (w instanceof Workload.Trace t) {
      List<String> samples = new ArrayList<>();
      t.cpuSamples().forEach(s -> samples.add(Double.toString(s)));
      out.put(P + "cpuSamples", String.join(",", samples));
      put(out, "intervalSeconds", t.intervalSeconds());
      put(out, "memory", t.memory());
    } else {
      throw new IllegalArgumentException("unknown workload kind " + w.kind());
    }
  }

  static Workload read(Fields in) {
    String kind = in.string(P + "kind");
    switch (kind) {
      case "constant":
        return new Workload.Constant(d(in, "cpu"), d(in, "memory"));
      case "diurnal":
        return new Workload.Diurnal(
            d(in, "base"),
            d(in, "amplitude"),
            d(in, "periodSeconds"),
            d(in, "phaseSeconds"),
            d(in, "memory"));
      case "bursty":
        return new Workload.Bursty(
            d(in, "base"),
            d(in, "peak"),
            d(in, "burstProbability"),
            d(in, "burstSeconds"),
            in.longValue(P + "seed"),
            d(in, "memory"));
      case "trace":
        return new Workload.Trace(samples(in), d(in, "intervalSeconds"), d(in, "memory"));
      default:
        throw new IllegalArgumentException(
            "key '" + P + "kind' has unknown workload kind '" + kind + "'");
    }
  }

  private static List<Double> samples(Fields in) {
    String key = P + "cpuSamples";
    List<Double> samples = new ArrayList<>();
    for (String s : in.string(key).split(",", -1)) {
      samples.add(Fields.parseDouble(key, s.trim()));
    }
    return samples;
  }

  private static void put(Map<String, String> out, String name, double value) {
    out.put(P + name, Double.toString(value));
  }

  private static double d(Fields in, String name) {
    return in.doubleValue(P + name);
  }
}
