package org.vimana.balancer.power;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Published SPECpower_ssj2008 tables of the servers used by Beloglazov and Buyya (2012) and by
 * CloudSim's PlanetLab examples.
 */
public final class PowerModels {

  /** HP ProLiant ML110 G4 (Intel Xeon 3040, 2 cores x 1860 MHz). */
  public static final SpecPowerModel HP_PROLIANT_ML110_G4 =
      SpecPowerModel.of("hp-ml110-g4", 86, 89.4, 92.6, 96, 99.5, 102, 106, 108, 112, 114, 117);

  /** HP ProLiant ML110 G5 (Intel Xeon 3075, 2 cores x 2660 MHz). */
  public static final SpecPowerModel HP_PROLIANT_ML110_G5 =
      SpecPowerModel.of("hp-ml110-g5", 93.7, 97, 101, 105, 110, 116, 121, 125, 129, 133, 135);

  private static final Map<String, SpecPowerModel> BY_NAME =
      Map.of(
          HP_PROLIANT_ML110_G4.name(), HP_PROLIANT_ML110_G4,
          HP_PROLIANT_ML110_G5.name(), HP_PROLIANT_ML110_G5);

  private PowerModels() {}

  /** A known table by name ({@code hp-ml110-g4}, {@code hp-ml110-g5}), case-insensitive. */
  public static Optional<SpecPowerModel> named(String name) {
    return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Names of the known tables. */
  public static java.util.Set<String> names() {
    return BY_NAME.keySet();
  }
}
