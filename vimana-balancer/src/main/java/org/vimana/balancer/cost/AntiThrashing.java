package org.vimana.balancer.cost;

import org.vimana.balancer.snapshot.VmLoad;

/**
 * Rules against moving VMs for too little or too often.
 *
 * @param minGain a move must gain at least this much, in the strategy's own unit: for equalize its
 *     net gain in host-equivalents (imbalance reduction times host count, less the migration's
 *     cost), for threshold the share of the source's capacity it moves
 * @param hysteresis a band around a trigger level: act only above {@code level + hysteresis}, and
 *     move load until below {@code level - hysteresis}, so a host near the level does not flap
 * @param coolDownSeconds a VM that finished a migration less than this long ago is not moved again
 *     (except to evacuate a host in maintenance)
 */
public record AntiThrashing(double minGain, double hysteresis, long coolDownSeconds) {

  /** No restraint at all (the Beloglazov-Buyya reference set-up). */
  public static final AntiThrashing NONE = new AntiThrashing(0, 0, 0);

  /** Defaults for a live cluster: 1 % gain, 5 % hysteresis, 30 minutes cool-down. */
  public static final AntiThrashing DEFAULT = new AntiThrashing(0.01, 0.05, 1800);

  public AntiThrashing {
    if (!(minGain >= 0) || !(hysteresis >= 0) || coolDownSeconds < 0) {
      throw new IllegalArgumentException(
          "anti-thrashing settings must be >= 0: minGain="
              + minGain
              + ", hysteresis="
              + hysteresis
              + ", coolDownSeconds="
              + coolDownSeconds);
    }
  }

  /** Whether the VM's cool-down has passed at {@code nowSeconds}. */
  public boolean cooledDown(VmLoad vm, long nowSeconds) {
    return vm.lastMigratedAt() == VmLoad.NEVER
        || nowSeconds - vm.lastMigratedAt() >= coolDownSeconds;
  }
}
