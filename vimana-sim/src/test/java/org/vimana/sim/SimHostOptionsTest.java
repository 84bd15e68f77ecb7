package org.vimana.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimHostOptionsTest {

  @Test
  void defaultsMatchTheReadme() {
    SimHostOptions o = SimHostOptions.parse(Map.of());

    assertThat(o).isEqualTo(SimHostOptions.defaults());
    assertThat(o.cores()).isEqualTo(16);
    assertThat(o.mhz()).isEqualTo(2600);
    assertThat(o.memoryMib()).isEqualTo(65536);
    assertThat(o.diskGib()).isEqualTo(1000);
    assertThat(o.cpuModel()).isEqualTo("sim-x86-64-v3");
    assertThat(o.bootTime()).isEqualTo(Duration.ofSeconds(2));
    assertThat(o.shutdownTime()).isEqualTo(Duration.ofSeconds(1));
    assertThat(o.migrationBandwidthMibPerSecond()).isEqualTo(1000);
    assertThat(o.dirtyRate()).isEqualTo(0.02);
    assertThat(o.stateDir()).isEmpty();
    assertThat(o.seed()).isZero();
  }

  @Test
  void parsesEveryOption() {
    SimHostOptions o =
        SimHostOptions.parse(
            Map.ofEntries(
                Map.entry("cores", "8"),
                Map.entry("mhz", "3000"),
                Map.entry("memory", "32G"),
                Map.entry("disk", "2T"),
                Map.entry("cpu-model", "sim-epyc"),
                Map.entry("boot-seconds", "0.05"),
                Map.entry("shutdown-seconds", "250ms"),
                Map.entry("migration-bandwidth", "125.5"),
                Map.entry("dirty-rate", "0.1"),
                Map.entry("state-dir", "/var/lib/vimana/sim"),
                Map.entry("seed", "-3")));

    assertThat(o)
        .isEqualTo(
            new SimHostOptions(
                8,
                3000,
                32768,
                2048,
                "sim-epyc",
                Duration.ofMillis(50),
                Duration.ofMillis(250),
                125.5,
                0.1,
                Optional.of(Path.of("/var/lib/vimana/sim")),
                -3));
    assertThat(o.capacity().totalMhz()).isEqualTo(24000);
  }

  @ParameterizedTest
  @CsvSource({
    "64G, 65536",
    "65536M, 65536",
    "65536, 65536",
    "1.5g, 1536",
    "2GiB, 2048",
    "1T, 1048576",
    "512 MB, 512"
  })
  void memoryAcceptsUnits(String value, long mib) {
    assertThat(SimHostOptions.parse(Map.of("memory", value)).memoryMib()).isEqualTo(mib);
  }

  @ParameterizedTest
  @CsvSource({"500, 500", "500G, 500", "2T, 2048", "1024M, 1"})
  void diskAcceptsUnits(String value, long gib) {
    assertThat(SimHostOptions.parse(Map.of("disk", value)).diskGib()).isEqualTo(gib);
  }

  @ParameterizedTest
  @CsvSource({
    "cores, 0",
    "cores, many",
    "mhz, -1",
    "memory, lots",
    "memory, 0",
    "memory, 1.5M",
    "memory, 12Q",
    "disk, 100M",
    "cpu-model, ' '",
    "boot-seconds, -1",
    "boot-seconds, soon",
    "shutdown-seconds, 1h",
    "migration-bandwidth, 0",
    "migration-bandwidth, NaN",
    "dirty-rate, 1.5",
    "dirty-rate, -0.1",
    "seed, 1.5"
  })
  void malformedValuesAreRefusedNamingKeyAndValue(String key, String value) {
    assertThatThrownBy(() -> SimHostOptions.parse(Map.of(key, value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + key + "'")
        .hasMessageContaining("'" + value + "'");
  }

  @Test
  void unknownKeysAreRefusedNamingKeyValueAndTheKnownKeys() {
    assertThatThrownBy(() -> SimHostOptions.parse(Map.of("ram", "4G")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'ram'")
        .hasMessageContaining("'4G'")
        .hasMessageContaining("memory");
  }
}
