package org.vimana.cli.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vimana.core.workload.Workload;

/**
 * Workload profiles written on one line, {@code KIND[:ARG,...]}, each argument either positional or
 * {@code key=value}:
 *
 * <ul>
 *   <li>{@code constant[:cpu,memory]} e.g. {@code constant:0.3}
 *   <li>{@code diurnal[:base,amplitude,period,phase,memory]} e.g. {@code
 *       diurnal:base=0.4,amplitude=0.3,period=10m}
 *   <li>{@code bursty[:base,peak,probability,burst,seed,memory]} e.g. {@code
 *       bursty:0.05,0.9,probability=0.2,burst=30s}
 *   <li>{@code trace:SAMPLE,...[,interval=60s][,memory=0.5]} e.g. {@code trace:0.1,0.8,0.4}
 * </ul>
 *
 * Fractions are 0..1; periods, phases and bursts take durations ({@code 90s}, {@code 10m}, {@code
 * 1d}). {@link #format} writes the same syntax back (a trace of more than ten samples is
 * summarised).
 */
public final class Workloads {
  private static final Map<String, List<String>> POSITIONS =
      Map.of(
          "constant", List.of("cpu", "memory"),
          "diurnal", List.of("base", "amplitude", "period", "phase", "memory"),
          "bursty", List.of("base", "peak", "probability", "burst", "seed", "memory"),
          "trace", List.of("interval", "memory"));
  private static final Set<String> DURATIONS = Set.of("period", "phase", "burst", "interval");

  private Workloads() {}

  /** Parses a workload spec; errors name the bad part. */
  public static Workload parse(String spec) {
    String text = spec == null ? "" : spec.strip();
    int colon = text.indexOf(':');
    String kind = (colon < 0 ? text : text.substring(0, colon)).toLowerCase(Locale.ROOT);
    List<String> positions = POSITIONS.get(kind);
    if (positions == null) {
      throw new IllegalArgumentException(
          "unknown workload kind '"
              + kind
              + "' in '"
              + spec
              + "': use constant, diurnal, bursty"
              + " or trace, e.g. constant:0.3");
    }
    Map<String, Double> args = new HashMap<>();
    List<Double> samples = new ArrayList<>();
    if (colon >= 0) {
      parseArgs(spec, kind, text.substring(colon + 1), positions, args, samples);
    }
    return switch (kind) {
      case "constant" ->
          new Workload.Constant(args.getOrDefault("cpu", 0.3), args.getOrDefault("memory", 0.5));
      case "diurnal" ->
          new Workload.Diurnal(
              args.getOrDefault("base", 0.3),
              args.getOrDefault("amplitude", 0.2),
              args.getOrDefault("period", 86_400.0),
              args.getOrDefault("phase", 0.0),
              args.getOrDefault("memory", 0.5));
      case "bursty" ->
          new Workload.Bursty(
              args.getOrDefault("base", 0.05),
              args.getOrDefault("peak", 0.9),
              args.getOrDefault("probability", 0.1),
              args.getOrDefault("burst", 60.0),
              Math.round(args.getOrDefault("seed", 1.0)),
              args.getOrDefault("memory", 0.5));
      default ->
          new Workload.Trace(
              samples, args.getOrDefault("interval", 60.0), args.getOrDefault("memory", 0.5));
    };
  }

  private static void parseArgs(
      String spec,
      String kind,
      String argText,
      List<String> positions,
      Map<String, Double> args,
      List<Double> samples) {
    int position = 0;
    for (String raw : argText.split(",", -1)) {
      String arg = raw.strip();
      int eq = arg.indexOf('=');
      String key;
      String value;
      if (eq >= 0) {
        key = arg.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        value = arg.substring(eq + 1).strip();
        key = "p".equals(key) ? "probability" : key;
        if (!positions.contains(key)) {
          throw new IllegalArgumentException(
              "unknown "
                  + kind
                  + " workload parameter '"
                  + key
                  + "' in '"
                  + spec
                  + "': use "
                  + String.join(", ", positions));
        }
      } else if ("trace".equals(kind)) {
        samples.add(number(spec, "sample", arg));
        continue;
      } else {
        if (position >= positions.size()) {
          throw new IllegalArgumentException(
              "too many "
                  + kind
                  + " workload parameters in '"
                  + spec
                  + "': expected at most "
                  + String.join(", ", positions));
        }
        key = positions.get(position++);
        value = arg;
      }
      double v =
          DURATIONS.contains(key)
              ? Durations.parse(value).toMillis() / 1000.0
              : number(spec, key, value);
      args.put(key, v);
    }
  }

  private static double number(String spec, String key, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          key + " '" + value + "' in workload '" + spec + "' is not a number", e);
    }
  }

  /** The workload in the syntax {@link #parse} reads. */
  public static String format(Workload w) {
    if (w instanceof Workload.Constant c) {
      return "constant:cpu=" + num(c.cpu()) + ",memory=" + num(c.memory());
    }
    if (w instanceof Workload.Diurnal d) {
      return "diurnal:base="
          + num(d.base())
          + ",amplitude="
          + num(d.amplitude())
          + ",period="
          + Durations.formatSeconds(d.periodSeconds())
          + ",phase="
          + Durations.formatSeconds(d.phaseSeconds())
          + ",memory="
          + num(d.memory());
    }
    if (w instanceof Workload.Bursty b) {
      return "bursty:base="
          + num(b.base())
          + ",peak="
          + num(b.peak())
          + ",probability="
          + num(b.burstProbability())
          + ",burst="
          + Durations.formatSeconds(b.burstSeconds())
          + ",seed="
          + b.seed()
          + ",memory="
          + num(b.memory());
    }
    Workload.Trace t = (Workload.Trace) w;
    String samples =
        t.cpuSamples().size() <= 10
            ? String.join(",", t.cpuSamples().stream().map(Workloads::num).toList())
            : t.cpuSamples().size() + " samples";
    return "trace:"
        + samples
        + ",interval="
        + Durations.formatSeconds(t.intervalSeconds())
        + ",memory="
        + num(t.memory());
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
