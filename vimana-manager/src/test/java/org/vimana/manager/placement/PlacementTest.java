package org.vimana.manager.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vimana.core.host.HostCapacity;

class PlacementTest {
  private static final HostCapacity SMALL = new HostCapacity(4, 2000, 8192, 100);
  private static final HostCapacity BIG = new HostCapacity(16, 2000, 65536, 100);
  private final Placement placement = new Placement(4.0);

  @Test
  void picksTheHostWithTheLeastMemoryAllocatedAfterPlacement() {
    List<Candidate> hosts =
        List.of(
            new Candidate("a", "a", SMALL, 0, 4096), // 62 % after a 1 GiB VM
            new Candidate("b", "b", BIG, 0, 32768)); // 51 % after
    assertThat(placement.choose(hosts, 1, 1024)).get().extracting(Candidate::hostId).isEqualTo("b");
  }

  @Test
  void neverOvercommitsMemory() {
    List<Candidate> hosts = List.of(new Candidate("a", "a", SMALL, 0, 7168));
    assertThat(placement.choose(hosts, 1, 1025)).isEmpty();
    assertThat(placement.choose(hosts, 1, 1024)).isPresent();
  }

  @Test
  void overcommitsVcpusUpToTheRatio() {
    List<Candidate> hosts = List.of(new Candidate("a", "a", SMALL, 15, 0));
    assertThat(placement.choose(hosts, 1, 1)).isPresent();
    assertThat(placement.choose(hosts, 2, 1)).isEmpty();
  }

  @Test
  void tiesGoToTheLeastVcpuLoadedThenByName() {
    List<Candidate> hosts =
        List.of(
            new Candidate("c", "c", SMALL, 2, 0),
            new Candidate("b", "b", SMALL, 1, 0),
            new Candidate("a", "a", SMALL, 1, 0));
    assertThat(placement.choose(hosts, 1, 512)).get().extracting(Candidate::hostId).isEqualTo("a");
  }

  @Test
  void noHostsMeansNoPlacement() {
    assertThat(placement.choose(List.of(), 1, 1)).isEmpty();
  }

  @Test
  void aRatioBelowOneIsRefused() {
    assertThatThrownBy(() -> new Placement(0.5)).hasMessageContaining("vcpuRatio");
  }
}
