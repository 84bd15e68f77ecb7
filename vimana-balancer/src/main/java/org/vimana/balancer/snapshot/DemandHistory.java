package org.vimana.balancer.snapshot;

import java.util.Arrays;

/**
 * A VM's recent CPU demand as fractions of its own CPU capacity (0..1, may exceed 1 when a guest
 * asks for more than it is given), most recent first. Immutable.
 */
public final class DemandHistory {

  private static final DemandHistory EMPTY = new DemandHistory(new double[0], 0, 0);

  private final double[] data;
  private final int offset;
  private final int size;

  private DemandHistory(double[] data, int offset, int size) {
    this.data = data;
    this.offset = offset;
    this.size = size;
  }

  /** A history from samples, the most recent first. */
  public static DemandHistory of(double... mostRecentFirst) {
    for (double v : mostRecentFirst) {
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException("demand samples must be finite and >= 0, got " + v);
      }
    }
    return mostRecentFirst.length == 0
        ? EMPTY
        : new DemandHistory(mostRecentFirst.clone(), 0, mostRecentFirst.length);
  }

  /**
   * A view of {@code size} samples of {@code data} from {@code offset}, most recent first, over an
   * array the caller promises never to change (the simulator's hot path: no copy per snapshot).
   */
  public static DemandHistory window(double[] data, int offset, int size) {
    if (offset < 0 || size < 0 || offset + size > data.length) {
      throw new IndexOutOfBoundsException("window " + offset + "+" + size + " of " + data.length);
    }
    return new DemandHistory(data, offset, size);
  }

  public static DemandHistory empty() {
    return EMPTY;
  }

  public int size() {
    return size;
  }

  /** Sample {@code i}: 0 is the most recent. */
  public double get(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    return data[offset + i];
  }

  /** Mean of the {@code n} most recent samples (all if fewer); 0 when empty. */
  public double recentMean(int n) {
    int k = Math.min(n, size);
    if (k == 0) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < k; i++) {
      sum += data[offset + i];
    }
    return sum / k;
  }

  /** A copy of the samples, most recent first. */
  public double[] toArray() {
    return Arrays.copyOfRange(data, offset, offset + size);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DemandHistory other && Arrays.equals(toArray(), other.toArray());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(toArray());
  }

  @Override
  public String toString() {
    return "DemandHistory" + Arrays.toString(toArray());
  }
}
