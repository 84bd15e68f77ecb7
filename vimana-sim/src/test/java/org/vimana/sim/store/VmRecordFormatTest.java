package org.vimana.sim.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vimana.core.vm.VmSpec;
import org.vimana.core.vm.VmState;
import org.vimana.core.workload.Workload;

class VmRecordFormatTest {
  private static final Instant T = Instant.parse("2025-03-04T05:06:07.123456789Z");

  static VmRecord record(Workload w) {
    VmSpec spec =
        new VmSpec(
            "web-1",
            2,
            2048,
            20,
            "debian-12",
            w,
            Map.of("team", "web", "odd key=:", "line\nbreak é ✓", "empty", ""));
    return new VmRecord("vm/42:ü", spec, VmState.MIGRATING, 3, T, VmState.PAUSED);
  }

  @Test
  void everyWorkloadKindAndOddLabelsRoundTrip() {
    for (Workload w :
        List.of(
            new Workload.Constant(0.5, 0.1),
            new Workload.Diurnal(0.3, 0.2, 86_400, 3_600.5, 0.4),
            new Workload.Bursty(0.05, 0.95, 0.1, 30, -123456789L, 0.3),
            new Workload.Trace(List.of(0.1, 0.2, 0.30000000000000004, 1.0), 60, 0.2))) {
      VmRecord r = record(w);
      assertThat(VmRecordFormat.decode(VmRecordFormat.encode(r))).isEqualTo(r);
    }
  }

  @Test
  void writesSortedReadableLinesAndIsDeterministic() {
    String text = VmRecordFormat.encode(record(new Workload.Constant(0.5, 0.1)));

    assertThat(text).isEqualTo(VmRecordFormat.encode(record(new Workload.Constant(0.5, 0.1))));
    assertThat(text)
        .startsWith("# Vimana sim VM state\nbootCount=3\nformat=1\nid=vm/42\\:ü\n")
        .contains("\nstate=MIGRATING\n", "\nspec.vcpus=2\n", "\nworkload.kind=constant\n");
    List<String> lines = text.lines().skip(1).toList();
    assertThat(lines).isSorted();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "spec.vcpus=2|spec.vcpus=two|key 'spec.vcpus' has invalid value 'two'",
        "spec.vcpus=2|spec.vcpus=0|vcpus must be positive",
        "state=MIGRATING|state=FLYING|key 'state' has invalid value 'FLYING'",
        "format=1|format=9|format version 9",
        "workload.kind=constant|workload.kind=chaotic|unknown workload kind 'chaotic'",
        "workload.cpu=0.5|workload.cpu=x|key 'workload.cpu' has invalid value 'x'",
        "workload.cpu=0.5|workload.cpu=1.5|cpu must be between 0 and 1",
        "poweredOnAt=2025|poweredOnAt=yesterday|key 'poweredOnAt' has invalid value 'yesterday'",
        "resumeState=PAUSED|resumeState=STOPPED|resumeState must be RUNNING or PAUSED",
        "bootCount=3|bootCount=-1|bootCount must not be negative",
        "spec.name=web-1|spec.name=no spaces|name 'no spaces' is invalid",
        "bootCount=3|# bootCount gone|missing key 'bootCount'"
      })
  void badContentIsRefusedNamingTheProblem(String good, String bad, String message) {
    String text = VmRecordFormat.encode(record(new Workload.Constant(0.5, 0.1)));
    String start = good.substring(0, good.indexOf('=') + 1);
    String broken =
        text.lines().map(l -> l.startsWith(start) ? bad : l).reduce("", (a, b) -> a + b + "\n");
    assertThat(broken).isNotEqualTo(text);

    assertThatThrownBy(() -> VmRecordFormat.decode(broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
