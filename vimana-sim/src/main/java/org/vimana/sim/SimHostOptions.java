package org.vimana.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vimana.core.Validation;
import org.vimana.core.host.HostCapacity;

/**
 * How a simulated host is configured; {@link #parse} reads the driver options a node passes to
 * {@link SimHypervisorProvider} (the README has the table).
 *
 * @param cores physical cores offered to guests
 * @param mhz clock of one core
 * @param memoryMib memory offered to guests
 * @param diskGib storage offered to guest disks (reported; overlays are thin, so never refused)
 * @param cpuModel CPU model name reported to migration checks
 * @param bootTime how long a VM stays STARTING
 * @param shutdownTime how long a VM stays SHUTTING_DOWN after a graceful shutdown
 * @param migrationBandwidthMibPerSecond bandwidth of outgoing live migrations
 * @param dirtyRate fraction of a running guest's memory it dirties per second during migration
 * @param stateDir where VM definitions and states persist, if anywhere
 * @param seed varies the VMs' simulated I/O profiles deterministically
 */
public record SimHostOptions(
    int cores,
    int mhz,
    long memoryMib,
    long diskGib,
    String cpuModel,
    Duration bootTime,
    Duration shutdownTime,
    double migrationBandwidthMibPerSecond,
    double dirtyRate,
    Optional<Path> stateDir,
    long seed) {

  /** The option keys {@link #parse} understands. */
  public static final List<String> KEYS =
      List.of(
          "cores",
          "mhz",
          "memory",
          "disk",
          "cpu-model",
          "boot-seconds",
          "shutdown-seconds",
          "migration-bandwidth",
          "dirty-rate",
          "state-dir",
          "seed");

  public SimHostOptions {
    Validation.positive("cores", cores);
    Validation.positive("mhz", mhz);
    Validation.positive("memoryMib", memoryMib);
    Validation.nonNegative("diskGib", diskGib);
    if (cpuModel == null || cpuModel.isBlank()) {
      throw new IllegalArgumentException("cpuModel is required");
    }
    nonNegative("bootTime", bootTime);
    nonNegative("shutdownTime", shutdownTime);
    if (!(migrationBandwidthMibPerSecond > 0)
        || Double.isInfinite(migrationBandwidthMibPerSecond)) {
      throw new IllegalArgumentException(
          "migrationBandwidthMibPerSecond must be positive, got " + migrationBandwidthMibPerSecond);
    }
    Validation.fraction("dirtyRate", dirtyRate);
    Validation.required("stateDir", stateDir);
  }

  /** 16 cores at 2600 MHz, 64 GiB, 1000 GiB, 2 s boot, 1 s shutdown, 1000 MiB/s, 2 % dirty/s. */
  public static SimHostOptions defaults() {
    return new SimHostOptions(
        16,
        2600,
        64 * 1024,
        1000,
        "sim-x86-64-v3",
        Duration.ofSeconds(2),
        Duration.ofSeconds(1),
        1000,
        0.02,
        Optional.empty(),
        0);
  }

  /**
   * Reads driver options over the defaults.
   *
   * @throws IllegalArgumentException naming the key and value of an unknown or malformed option
   */
  public static SimHostOptions parse(Map<String, String> options) {
    SimHostOptions o = defaults();
    for (Map.Entry<String, String> e : options.entrySet()) {
      String key = e.getKey();
      String value = e.getValue();
      if (value == null) {
        throw OptionValues.invalid(String.valueOf(key), "null", "a value");
      }
      o = o.with(String.valueOf(key), value);
    }
    return o;
  }

  /**
   * These options with one more option applied, as {@link #parse} reads it.
   *
   * @throws IllegalArgumentException naming the key and value of an unknown or malformed option
   */
  public SimHostOptions with(String key, String value) {
    int cores = this.cores;
    int mhz = this.mhz;
    long memoryMib = this.memoryMib;
    long diskGib = this.diskGib;
    String cpuModel = this.cpuModel;
    Duration bootTime = this.bootTime;
    Duration shutdownTime = this.shutdownTime;
    double bandwidth = this.migrationBandwidthMibPerSecond;
    double dirtyRate = this.dirtyRate;
    Optional<Path> stateDir = this.stateDir;
    long seed = this.seed;
    switch (key) {
      case "cores" -> cores = OptionValues.positiveInt(key, value);
      case "mhz" -> mhz = OptionValues.positiveInt(key, value);
      case "memory" ->
          memoryMib =
              OptionValues.size(key, value, 'M', 'M', "a size such as 64G, 65536M or 65536 (MiB)");
      case "disk" ->
          diskGib =
              OptionValues.size(
                  key, value, 'G', 'G', "a whole number of GiB such as 1000, 500G or 2T");
      case "cpu-model" -> cpuModel = nonBlank(key, value);
      case "boot-seconds" -> bootTime = OptionValues.time(key, value);
      case "shutdown-seconds" -> shutdownTime = OptionValues.time(key, value);
      case "migration-bandwidth" ->
          bandwidth =
              OptionValues.number(
                  key, value, Double.MIN_VALUE, Double.MAX_VALUE, "a positive number of MiB/s");
      case "dirty-rate" ->
          dirtyRate =
              OptionValues.number(key, value, 0, 1, "a fraction between 0 and 1 such as 0.02");
      case "state-dir" -> stateDir = Optional.of(Path.of(nonBlank(key, value)));
      case "seed" -> seed = OptionValues.anyLong(key, value);
      default ->
          throw new IllegalArgumentException(
              "unknown sim option '" + key + "' (value '" + value + "'); known options: " + KEYS);
    }
    return new SimHostOptions(
        cores,
        mhz,
        memoryMib,
        diskGib,
        cpuModel,
        bootTime,
        shutdownTime,
        bandwidth,
        dirtyRate,
        stateDir,
        seed);
  }

  /** These options persisting to {@code dir}. */
  public SimHostOptions withStateDir(Path dir) {
    return new SimHostOptions(
        cores,
        mhz,
        memoryMib,
        diskGib,
        cpuModel,
        bootTime,
        shutdownTime,
        migrationBandwidthMibPerSecond,
        dirtyRate,
        Optional.of(dir),
        seed);
  }

  /** The capacity a host with these options offers. */
  public HostCapacity capacity() {
    return new HostCapacity(cores, mhz, memoryMib, diskGib);
  }

  private static String nonBlank(String key, String value) {
    if (value.isBlank()) {
      throw OptionValues.invalid(key, value, "a non-empty value");
    }
    return value.trim();
  }

  private static void nonNegative(String field, Duration d) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException(field + " must not be negative, got " + d);
    }
  }
}
