package org.vimana.sim.replay.trace;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * CPU demand of a set of VMs sampled at a fixed interval, as fractions of each VM's capacity.
 * Immutable once built (readers hand over their arrays).
 */
public final class TraceSet {

  private final List<String> names;
  private final List<Optional<String>> vmTypes;
  private final double[][] samples;
  private final long intervalSeconds;

  /**
   * @param names one per VM
   * @param vmTypes the VM type each trace names, if it names one
   * @param samples {@code samples[vm][i]}: demand fraction at {@code i * intervalSeconds}
   */
  public TraceSet(
      List<String> names,
      List<Optional<String>> vmTypes,
      double[][] samples,
      long intervalSeconds) {
    this.names = List.copyOf(names);
    this.vmTypes = List.copyOf(vmTypes);
    this.samples = Objects.requireNonNull(samples, "samples");
    this.intervalSeconds = intervalSeconds;
    if (names.size() != samples.length || vmTypes.size() != samples.length) {
      throw new IllegalArgumentException("names, types and series differ in count");
    }
    if (samples.length == 0) {
      throw new IllegalArgumentException("a trace set needs at least one VM");
    }
    int length = samples[0].length;
    for (double[] s : samples) {
      if (s.length != length) {
        throw new IllegalArgumentException("all series must have the same length");
      }
    }
    if (length < 2) {
      throw new IllegalArgumentException("a trace needs at least 2 samples");
    }
    if (intervalSeconds <= 0) {
      throw new IllegalArgumentException("interval must be positive");
    }
  }

  public int vmCount() {
    return samples.length;
  }

  public int sampleCount() {
    return samples[0].length;
  }

  public long intervalSeconds() {
    return intervalSeconds;
  }

  public String name(int vm) {
    return names.get(vm);
  }

  public Optional<String> vmType(int vm) {
    return vmTypes.get(vm);
  }

  /** Demand fraction of VM {@code vm} at sample {@code i}. */
  public double sample(int vm, int i) {
    return samples[vm][i];
  }

  /**
   * Demand fraction at {@code seconds} from the start, linear between samples (the last sample
   * holds after the end).
   */
  public double at(int vm, double seconds) {
    double position = seconds / intervalSeconds;
    int i = (int) Math.floor(position);
    double[] s = samples[vm];
    if (i >= s.length - 1) {
      return s[s.length - 1];
    }
    double f = position - i;
    return f == 0 ? s[i] : s[i] + (s[i + 1] - s[i]) * f;
  }

  /** The first {@code count} VMs only. */
  public TraceSet limit(int count) {
    if (count >= vmCount()) {
      return this;
    }
    return new TraceSet(
        names.subList(0, count),
        vmTypes.subList(0, count),
        java.util.Arrays.copyOf(samples, count),
        intervalSeconds);
  }
}
