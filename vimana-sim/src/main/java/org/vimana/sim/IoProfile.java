package org.vimana.sim;

/**
 * How much network and disk traffic a VM makes per busy vCPU, in bytes per second. Each VM gets its
 * own mix (some network-heavy, some disk-heavy) from a hash of the host seed and its id, so runs
 * repeat exactly.
 */
record IoProfile(double netRx, double netTx, double diskRead, double diskWrite) {
  private static final double MB = 1_000_000;

  static IoProfile of(long seed, String vmId) {
    long h = mix(seed * 0x9E3779B97F4A7C15L + vmId.hashCode());
    double u1 = unit(h);
    h = mix(h);
    double u2 = unit(h);
    h = mix(h);
    double u3 = unit(h);
    h = mix(h);
    double u4 = unit(h);
    double rx = (2 + 18 * u1) * MB;
    double read = (1 + 9 * u3) * MB;
    return new IoProfile(rx, rx * (0.2 + 1.3 * u2), read, read * (0.3 + 0.7 * u4));
  }

  private static double unit(long h) {
    return (h >>> 11) * 0x1.0p-53;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
