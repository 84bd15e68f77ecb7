package org.vimana.balancer.snapshot;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * One VM as a strategy sees it.
 *
 * @param id unique VM id
 * @param hostId the host it runs on (its source while {@code migrating})
 * @param vcpus virtual CPUs; each can use at most one host core
 * @param mips CPU capacity of the VM (all its vCPUs together), the unit of its history
 * @param memoryMib memory size: what a live migration copies
 * @param memoryReservedMib memory the VM holds on its host for capacity checks (its size for a VM
 *     with reserved memory, less or nothing for an over-committed or ballooned guest)
 * @param cpuDemandMips CPU the VM asks for now (may exceed what it is given)
 * @param history recent demand, fractions of {@code mips}, most recent first
 * @param dirtyRate fraction of its memory the guest re-dirties per second (for migration cost)
 * @param migrating true while a migration of this VM is in flight (it must not be moved again)
 * @param lastMigratedAt snapshot-time second when its last migration ended, or {@link #NEVER}
 */
public record VmLoad(
    String id,
    String hostId,
    int vcpus,
    double mips,
    long memoryMib,
    long memoryReservedMib,
    double cpuDemandMips,
    DemandHistory history,
    double dirtyRate,
    boolean migrating,
    long lastMigratedAt) {

  /** {@link #lastMigratedAt} of a VM that has never been migrated. */
  public static final long NEVER = Long.MIN_VALUE;

  public VmLoad {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(hostId, "hostId");
    Objects.requireNonNull(history, "history");
    if (vcpus < 1) {
      throw new IllegalArgumentException("vm " + id + ": vcpus must be >= 1, got " + vcpus);
    }
    if (!(mips > 0) || Double.isInfinite(mips)) {
      throw new IllegalArgumentException("vm " + id + ": mips must be positive");
    }
    if (memoryMib < 0 || memoryReservedMib < 0) {
      throw new IllegalArgumentException("vm " + id + ": memory must be >= 0");
    }
    if (!(cpuDemandMips >= 0) || Double.isInfinite(cpuDemandMips)) {
      throw new IllegalArgumentException("vm " + id + ": cpuDemandMips must be finite and >= 0");
    }
    if (!(dirtyRate >= 0 && dirtyRate <= 1)) {
      throw new IllegalArgumentException("vm " + id + ": dirtyRate must be within 0..1");
    }
  }

  /**
   * A VM with reserved memory, no history, no dirtying, never migrated, demanding {@code
   * demandFraction} of its capacity.
   */
  public static VmLoad of(
      String id, String hostId, int vcpus, double mips, long memoryMib, double demandFraction) {
    return new VmLoad(
        id,
        hostId,
        vcpus,
        mips,
        memoryMib,
        memoryMib,
        demandFraction * mips,
        DemandHistory.of(demandFraction),
        0,
        false,
        NEVER);
  }

  /** Demand as a fraction of the VM's own capacity. */
  public double demandFraction() {
    return cpuDemandMips / mips;
  }

  public VmLoad withHistory(DemandHistory h) {
    return copy(c -> c.history = h);
  }

  public VmLoad withHost(String host) {
    return copy(c -> c.hostId = host);
  }

  public VmLoad withMigrating(boolean inFlight) {
    return copy(c -> c.migrating = inFlight);
  }

  public VmLoad withLastMigratedAt(long second) {
    return copy(c -> c.lastMigratedAt = second);
  }

  public VmLoad withDemandMips(double demand) {
    return copy(c -> c.cpuDemandMips = demand);
  }

  public VmLoad withDirtyRate(double rate) {
    return copy(c -> c.dirtyRate = rate);
  }

  private VmLoad copy(Consumer<Copy> change) {
    Copy c = new Copy(this);
    change.accept(c);
    return c.build();
  }

  /** The components of a VM being copied with one changed, so each wither names only its own. */
  private static final class Copy {
    private final String id;
    private String hostId;
    private final int vcpus;
    private final double mips;
    private final long memoryMib;
    private final long memoryReservedMib;
    private double cpuDemandMips;
    private DemandHistory history;
    private double dirtyRate;
    private boolean migrating;
    private long lastMigratedAt;

    Copy(VmLoad vm) {
      id = vm.id;
      hostId = vm.hostId;
      vcpus = vm.vcpus;
      mips = vm.mips;
      memoryMib = vm.memoryMib;
      memoryReservedMib = vm.memoryReservedMib;
      cpuDemandMips = vm.cpuDemandMips;
      history = vm.history;
      dirtyRate = vm.dirtyRate;
      migrating = vm.migrating;
      lastMigratedAt = vm.lastMigratedAt;
    }

    VmLoad build() {
      return new VmLoad(
          id,
          hostId,
          vcpus,
          mips,
          memoryMib,
          memoryReservedMib,
          cpuDemandMips,
          history,
          dirtyRate,
          migrating,
          lastMigratedAt);
    }
  }
}
