package org.vimana.cli.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vimana.core.workload.Workload;

class WorkloadsTest {
  @Test
  void positionalAndNamedArguments() {
    assertThat(Workloads.parse("constant:0.3")).isEqualTo(new Workload.Constant(0.3, 0.5));
    assertThat(Workloads.parse("constant:cpu=0.3,memory=0.8"))
        .isEqualTo(new Workload.Constant(0.3, 0.8));
    assertThat(Workloads.parse("diurnal:base=0.4,amplitude=0.3,period=10m"))
        .isEqualTo(new Workload.Diurnal(0.4, 0.3, 600, 0, 0.5));
    assertThat(Workloads.parse("bursty:0.05,0.9,p=0.2,burst=30s,seed=7"))
        .isEqualTo(new Workload.Bursty(0.05, 0.9, 0.2, 30, 7, 0.5));
    assertThat(Workloads.parse("trace:0.1,0.8,interval=5s"))
        .isEqualTo(new Workload.Trace(List.of(0.1, 0.8), 5, 0.5));
  }

  @Test
  void formatReadsBack() {
    for (Workload w :
        List.of(
            new Workload.Constant(0.3, 0.5),
            new Workload.Diurnal(0.4, 0.3, 600, 30, 0.25),
            new Workload.Bursty(0.05, 0.9, 0.2, 30, 7, 0.5),
            new Workload.Trace(List.of(0.1, 0.8, 1.0), 60, 0.5))) {
      assertThat(Workloads.parse(Workloads.format(w))).isEqualTo(w);
    }
  }

  @Test
  void errorsNameTheBadPart() {
    assertThatThrownBy(() -> Workloads.parse("steady:1")).hasMessageContaining("'steady'");
    assertThatThrownBy(() -> Workloads.parse("constant:lots")).hasMessageContaining("cpu 'lots'");
    assertThatThrownBy(() -> Workloads.parse("constant:speed=1"))
        .hasMessageContaining("parameter 'speed'");
    assertThatThrownBy(() -> Workloads.parse("constant:0.1,0.2,0.3"))
        .hasMessageContaining("too many");
    assertThatThrownBy(() -> Workloads.parse("constant:1.5")).hasMessageContaining("cpu");
    assertThatThrownBy(() -> Workloads.parse("trace")).hasMessageContaining("cpuSamples");
  }
}
