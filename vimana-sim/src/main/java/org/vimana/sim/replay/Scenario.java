package org.vimana.sim.replay;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vimana.balancer.power.PowerModels;
import org.vimana.sim.replay.trace.PlanetLabTraces;

/**
 * One experiment: the traces, the data centre, the strategy and how the world behaves. {@link
 * ScenarioFile} reads it from a file; {@link #planetLab} builds the paper's set-up in code.
 *
 * @param name for reports
 * @param traceFormat {@code planetlab} (a folder) or {@code csv} (a file)
 * @param tracePath where the traces are
 * @param traceOrder for PlanetLab folders: file system listing (as CloudSim) or sorted
 * @param maxVms use only the first N traces (0 = all)
 * @param hostTypes host kinds
 * @param hostCount number of hosts
 * @param hostsAlternate true: host i has type i mod types (as CloudSim); false: equal blocks
 * @param vmTypes VM kinds, used for traces that name none
 * @param vmTypesInBlocks true: VM i gets type i / ceil(n / types) (as CloudSim); false: i mod types
 * @param strategy strategy spec, see {@code org.vimana.balancer.strategy.Strategies}
 * @param settings strategy and world settings
 */
public record Scenario(
    String name,
    String traceFormat,
    Path tracePath,
    PlanetLabTraces.Order traceOrder,
    int maxVms,
    List<HostType> hostTypes,
    int hostCount,
    boolean hostsAlternate,
    List<VmType> vmTypes,
    boolean vmTypesInBlocks,
    String strategy,
    ReplaySettings settings) {

  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tracePath, "tracePath");
    Objects.requireNonNull(traceOrder, "traceOrder");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(settings, "settings");
    if (!traceFormat.equals("planetlab") && !traceFormat.equals("csv")) {
      throw new IllegalArgumentException("trace format must be planetlab or csv");
    }
    hostTypes = List.copyOf(hostTypes);
    vmTypes = List.copyOf(vmTypes);
    if (hostTypes.isEmpty() || vmTypes.isEmpty() || hostCount < 1 || maxVms < 0) {
      throw new IllegalArgumentException("a scenario needs host types, VM types and hosts");
    }
  }

  /** Host types of the paper: HP ProLiant ML110 G4 and G5, 4 GB, 1 Gbit/s. */
  public static List<HostType> paperHostTypes() {
    return List.of(
        new HostType("g4", 2, 1860, 4096, 1000, PowerModels.HP_PROLIANT_ML110_G4),
        new HostType("g5", 2, 2660, 4096, 1000, PowerModels.HP_PROLIANT_ML110_G5));
  }

  /** VM types of the paper (EC2-like): 2500, 2000, 1000 and 500 MIPS. */
  public static List<VmType> paperVmTypes() {
    return List.of(
        new VmType("high-cpu-medium", 1, 2500, 870),
        new VmType("extra-large", 1, 2000, 1740),
        new VmType("small", 1, 1000, 1740),
        new VmType("micro", 1, 500, 613));
  }

  /**
   * The paper's set-up on one PlanetLab day: 800 hosts alternating G4/G5, the four VM types in
   * blocks, 300 s, CloudSim's accounting.
   */
  public static Scenario planetLab(Path dayFolder, String strategy) {
    return new Scenario(
        dayFolder.getFileName() + "-" + strategy,
        "planetlab",
        dayFolder,
        PlanetLabTraces.Order.LISTING,
        0,
        paperHostTypes(),
        800,
        true,
        paperVmTypes(),
        true,
        strategy,
        ReplaySettings.cloudSimCompatible());
  }

  public Scenario withStrategy(String spec) {
    return copy(name, traceOrder, spec, settings);
  }

  public Scenario withName(String other) {
    return copy(other, traceOrder, strategy, settings);
  }

  public Scenario withSettings(ReplaySettings other) {
    return copy(name, traceOrder, strategy, other);
  }

  public Scenario withTraceOrder(PlanetLabTraces.Order order) {
    return copy(name, order, strategy, settings);
  }

  /** This scenario with the components that the withers change replaced, the rest kept. */
  private Scenario copy(
      String newName,
      PlanetLabTraces.Order newOrder,
      String newStrategy,
      ReplaySettings newSettings) {
    return new Scenario(
        newName,
        traceFormat,
        tracePath,
        newOrder,
        maxVms,
        hostTypes,
        hostCount,
        hostsAlternate,
        vmTypes,
        vmTypesInBlocks,
        newStrategy,
        newSettings);
  }

  /** The VM type called {@code name}. */
  public Optional<VmType> vmType(String typeName) {
    return vmTypes.stream().filter(t -> t.name().equals(typeName)).findFirst();
  }
}
