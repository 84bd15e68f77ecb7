package org.vimana.balancer.cost;

import org.vimana.balancer.snapshot.HostLoad;
import org.vimana.balancer.snapshot.VmLoad;

/**
 * Iterative pre-copy, as QEMU does it: round 1 sends all memory M at bandwidth B; while it runs the
 * guest dirties {@code d * M} MiB per second, which the next round resends; as soon as the
 * remaining dirty memory can be sent within {@code maxDowntimeSeconds}, the guest is paused and the
 * rest sent (the pause is the downtime). After {@code maxRounds} rounds the stop-and-copy is
 * forced, and the downtime exceeds the target.
 *
 * @param maxDowntimeSeconds longest pause aimed for at switch-over, positive
 * @param maxRounds live rounds before the stop-and-copy is forced, at least 1
 */
public record PreCopyCostModel(double maxDowntimeSeconds, int maxRounds)
    implements MigrationCostModel {

  /** QEMU's default downtime target (300 ms) and a 30-round limit. */
  public static final PreCopyCostModel DEFAULT = new PreCopyCostModel(0.3, 30);

  public PreCopyCostModel {
    if (!(maxDowntimeSeconds > 0)) {
      throw new IllegalArgumentException("maxDowntimeSeconds must be positive");
    }
    if (maxRounds < 1) {
      throw new IllegalArgumentException("maxRounds must be >= 1");
    }
  }

  @Override
  public MigrationCost estimate(VmLoad vm, HostLoad source, HostLoad target) {
    double bandwidth = MigrationCostModel.bandwidth(source, target);
    double memory = vm.memoryMib();
    double dirtyPerSecond = vm.dirtyRate() * memory;
    double toSend = memory;
    double seconds = 0;
    double sent = 0;
    for (int round = 1; ; round++) {
      double roundSeconds = toSend / bandwidth;
      seconds += roundSeconds;
      sent += toSend;
      double dirty = Math.min(memory, dirtyPerSecond * roundSeconds);
      double stopSeconds = dirty / bandwidth;
      if (stopSeconds <= maxDowntimeSeconds || round >= maxRounds) {
        return new MigrationCost(seconds + stopSeconds, stopSeconds, sent + dirty);
      }
      toSend = dirty;
    }
  }
}
