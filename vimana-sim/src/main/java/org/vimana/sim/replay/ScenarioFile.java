package org.vimana.sim.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vimana.balancer.cost.AntiThrashing;
import org.vimana.balancer.power.PowerModel;
import org.vimana.balancer.power.PowerModels;
import org.vimana.balancer.power.SpecPowerModel;
import org.vimana.sim.replay.trace.PlanetLabTraces;

/**
 * Reads a scenario file: {@code key = value} lines, {@code #} comments; paths are relative to the
 * file's folder. Every key, its default and meaning are in the module README; an unknown key, a bad
 * value or a missing required key is refused with the file and line named.
 */
public final class ScenarioFile {

  private ScenarioFile() {}

  public static Scenario load(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException(file, 0, "cannot read scenario: " + e.getMessage(), e);
    }
    ScenarioLines in = new ScenarioLines(file, lines);
    Path base = file.toAbsolutePath().getParent();
    String format = in.choice("trace.format", "planetlab", "planetlab", "csv");
    Path trace = base.resolve(in.string("trace.path")).normalize();
    var order =
        in.choice("trace.order", "listing", "listing", "sorted").equals("sorted")
            ? PlanetLabTraces.Order.SORTED
            : PlanetLabTraces.Order.LISTING;
    List<HostType> hostTypes = hostTypes(in);
    List<VmType> vmTypes = vmTypes(in);
    ReplaySettings settings = settings(in);
    String name = in.string("name", file.getFileName().toString());
    int maxVms = (int) in.integer("trace.max-vms", 0);
    int hosts = (int) in.integer("hosts", 0);
    if (hosts < 1) {
      throw in.error("hosts", "must be a positive number of hosts");
    }
    boolean alternate =
        in.choice("hosts.layout", "alternate", "alternate", "blocks").equals("alternate");
    boolean blocks = in.choice("vms.assignment", "blocks", "blocks", "cycle").equals("blocks");
    String strategy = in.string("strategy");
    in.rejectUnused();
    try {
      return new Scenario(
          name, format, trace, order, maxVms, hostTypes, hosts, alternate, vmTypes, blocks,
          strategy, settings);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(file, 0, e.getMessage(), e);
    }
  }

  private static List<HostType> hostTypes(ScenarioLines in) {
    List<HostType> out = new ArrayList<>();
    for (String name : in.string("host-types").split(",")) {
      String key = "host-type." + name.trim();
      Map<String, String> a =
          in.attributes(key, Set.of("cores", "mips", "memory", "power"), Set.of("bandwidth"));
      try {
        out.add(
            new HostType(
                name.trim(),
                Integer.parseInt(a.get("cores")),
                Double.parseDouble(a.get("mips")),
                Long.parseLong(a.get("memory")),
                Double.parseDouble(a.getOrDefault("bandwidth", "1000")),
                power(in, key, a.get("power"))));
      } catch (IllegalArgumentException e) {
        throw in.error(key, e.getMessage());
      }
    }
    return out;
  }

  private static PowerModel power(ScenarioLines in, String key, String text) {
    var known = PowerModels.named(text);
    if (known.isPresent()) {
      return known.get();
    }
    String[] parts = text.split("/");
    if (parts.length != 11) {
      throw in.error(
          key,
          "power must be one of "
              + PowerModels.names()
              + " or 11 watt figures 0%..100% separated by '/', got '"
              + text
              + "'");
    }
    double[] watts = new double[11];
    for (int i = 0; i < 11; i++) {
      watts[i] = Double.parseDouble(parts[i]);
    }
    return SpecPowerModel.of(key, watts);
  }

  private static List<VmType> vmTypes(ScenarioLines in) {
    List<VmType> out = new ArrayList<>();
    for (String name : in.string("vm-types").split(",")) {
      String key = "vm-type." + name.trim();
      Map<String, String> a = in.attributes(key, Set.of("vcpus", "mips", "memory"), Set.of());
      try {
        out.add(
            new VmType(
                name.trim(),
                Integer.parseInt(a.get("vcpus")),
                Double.parseDouble(a.get("mips")),
                Long.parseLong(a.get("memory"))));
      } catch (IllegalArgumentException e) {
        throw in.error(key, e.getMessage());
      }
    }
    return out;
  }

  private static ReplaySettings settings(ScenarioLines in) {
    ReplaySettings d = ReplaySettings.cloudSimCompatible();
    try {
      return new ReplaySettings(
          in.choice("migration.model", "copy-once", "copy-once", "pre-copy").equals("pre-copy"),
          in.number("migration.bandwidth-share", 0.0001, 1, d.migrationShare()),
          in.number("migration.dirty-rate", 0, 1, d.dirtyRate()),
          in.number("migration.max-downtime", d.maxDowntimeSeconds()),
          in.choice("memory.model", "placement-only", "placement-only", "reserved")
              .equals("reserved"),
          in.choice("placement.initial", "power-aware", "power-aware", "spread").equals("spread"),
          in.number("placement.initial-threshold", 0, 1, 0),
          (int) in.integer("history.length", d.historyLength()),
          in.number("hot-threshold", 0.01, 1, d.hotThreshold()),
          in.number("cost-per-second", d.costPerSecond()),
          (int) in.integer("max-moves-per-plan", d.maxMovesPerPlan()),
          (int) in.integer("constraints.max-migrations-per-host", 0),
          new AntiThrashing(
              in.number("anti-thrashing.min-gain", 0, 1e9, 0),
              in.number("anti-thrashing.hysteresis", 0, 1, 0),
              in.integer("anti-thrashing.cool-down", 0)),
          in.integer("report.thrash-window", d.thrashWindowSeconds()),
          in.choice("vm.retire-when-idle", "false", "true", "false").equals("true"),
          in.choice("strategy.chain-moves", "false", "true", "false").equals("true"),
          in.integer("seed", d.seed()));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(in.file(), 0, e.getMessage(), e);
    }
  }
}
