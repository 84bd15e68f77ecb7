package org.vimana.core.workload;

import java.util.List;
import org.vimana.core.Validation;

/**
 * How busy a VM is over time, as fractions of its vCPUs and memory. A profile is a pure function of
 * time since the VM booted, so the same VM behaves the same in real time and in virtual time.
 */
public sealed interface Workload
    permits Workload.Constant, Workload.Diurnal, Workload.Bursty, Workload.Trace {

  /** Kind names used on the wire and in templates. */
  String kind();

  /** CPU demand at {@code seconds} after boot, as a fraction (0..1) of the VM's vCPUs. */
  double cpuAt(double seconds);

  /** Memory in use at {@code seconds} after boot, as a fraction (0..1) of the VM's memory. */
  double memoryAt(double seconds);

  static Workload idle() {
    return new Constant(0.02, 0.10);
  }

  /** The same demand all the time. */
  record Constant(double cpu, double memory) implements Workload {
    public Constant {
      Validation.fraction("cpu", cpu);
      Validation.fraction("memory", memory);
    }

    @Override
    public String kind() {
      return "constant";
    }

    @Override
    public double cpuAt(double seconds) {
      return cpu;
    }

    @Override
    public double memoryAt(double seconds) {
      return memory;
    }
  }

  /**
   * A daily cycle: {@code base + amplitude * sin(2 pi (t + phase) / period)}, clamped to 0..1.
   *
   * @param periodSeconds length of one cycle (86,400 for a real day; shorter in demos)
   * @param phaseSeconds shift of the cycle, so VMs of one template do not peak together
   */
  record Diurnal(
      double base, double amplitude, double periodSeconds, double phaseSeconds, double memory)
      implements Workload {
    public Diurnal {
      Validation.fraction("base", base);
      Validation.fraction("amplitude", amplitude);
      if (!(periodSeconds > 0)) {
        throw new IllegalArgumentException("periodSeconds must be positive, got " + periodSeconds);
      }
      Validation.fraction("memory", memory);
    }

    @Override
    public String kind() {
      return "diurnal";
    }

    @Override
    public double cpuAt(double seconds) {
      double v =
          base + amplitude * Math.sin(2 * Math.PI * (seconds + phaseSeconds) / periodSeconds);
      return clamp(v);
    }

    @Override
    public double memoryAt(double seconds) {
      return memory;
    }
  }

  /**
   * Mostly quiet with bursts: each {@code burstSeconds}-long slot is a burst with probability
   * {@code burstProbability}, decided by a hash of the slot and {@code seed} (deterministic, so a
   * replay is identical).
   */
  record Bursty(
      double base,
      double peak,
      double burstProbability,
      double burstSeconds,
      long seed,
      double memory)
      implements Workload {
    public Bursty {
      Validation.fraction("base", base);
      Validation.fraction("peak", peak);
      Validation.fraction("burstProbability", burstProbability);
      if (!(burstSeconds > 0)) {
        throw new IllegalArgumentException("burstSeconds must be positive, got " + burstSeconds);
      }
      Validation.fraction("memory", memory);
    }

    @Override
    public String kind() {
      return "bursty";
    }

    @Override
    public double cpuAt(double seconds) {
      long slot = (long) Math.floor(seconds / burstSeconds);
      long h = mix(slot * 0x9E3779B97F4A7C15L + seed);
      double u = (h >>> 11) * 0x1.0p-53;
      return u < burstProbability ? peak : base;
    }

    @Override
    public double memoryAt(double seconds) {
      return memory;
    }

    private static long mix(long z) {
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }
  }

  /**
   * A replayed series of CPU samples taken every {@code intervalSeconds}, linearly interpolated
   * between samples and repeated when it runs out.
   */
  record Trace(List<Double> cpuSamples, double intervalSeconds, double memory) implements Workload {
    public Trace {
      if (cpuSamples == null || cpuSamples.isEmpty()) {
        throw new IllegalArgumentException("cpuSamples must not be empty");
      }
      for (int i = 0; i < cpuSamples.size(); i++) {
        Validation.fraction("cpuSamples[" + i + "]", cpuSamples.get(i));
      }
      cpuSamples = List.copyOf(cpuSamples);
      if (!(intervalSeconds > 0)) {
        throw new IllegalArgumentException(
            "intervalSeconds must be positive, got " + intervalSeconds);
      }
      Validation.fraction("memory", memory);
    }

    @Override
    public String kind() {
      return "trace";
    }

    @Override
    public double cpuAt(double seconds) {
      int n = cpuSamples.size();
      double pos = Math.max(0, seconds) / intervalSeconds;
      long i = (long) Math.floor(pos);
      double frac = pos - i;
      double a = cpuSamples.get((int) (i % n));
      double b = cpuSamples.get((int) ((i + 1) % n));
      return a + (b - a) * frac;
    }

    @Override
    public double memoryAt(double seconds) {
      return memory;
    }
  }

  private static double clamp(double v) {
    return Math.max(0.0, Math.min(1.0, v));
  }
}
