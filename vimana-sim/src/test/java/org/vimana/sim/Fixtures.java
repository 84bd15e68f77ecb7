package org.vimana.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.event.VmEvent;
import org.vimana.core.vm.VmSpec;
import org.vimana.core.workload.Workload;
import org.vimana.sim.time.VirtualTimeScheduler;

/** Shared helpers of the sim driver tests. */
final class Fixtures {
  private Fixtures() {}

  static VmSpec spec(String name, int vcpus, long memoryMib, Workload workload) {
    return new VmSpec(name, vcpus, memoryMib, 10, "debian-12", workload, Map.of("team", "web"));
  }

  static VmSpec spec(String name) {
    return spec(name, 2, 2048, new Workload.Constant(0.5, 0.25));
  }

  /** A host on virtual time with {@code options} applied over the defaults. */
  static SimHypervisor host(
      String name, VirtualTimeScheduler clock, SimFabric fabric, Map<String, String> options)
      throws HypervisorException {
    return SimHypervisor.create(name, SimHostOptions.parse(options), clock, fabric);
  }

  /** Asserts that {@code call} throws a HypervisorException for {@code reason}. */
  static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
      ThrowingCallable call, HypervisorException.Reason reason) {
    Throwable t = catchThrowable(call);
    assertThat(t).isInstanceOf(HypervisorException.class);
    assertThat(((HypervisorException) t).reason()).as(t.getMessage()).isEqualTo(reason);
    return assertThat(t);
  }

  static Duration seconds(double s) {
    return Duration.ofNanos((long) (s * 1e9));
  }

  /** Records every event a host fires. */
  static final class Events implements Consumer<VmEvent> {
    final List<VmEvent> seen = new ArrayList<>();

    @Override
    public synchronized void accept(VmEvent e) {
      seen.add(e);
    }

    synchronized List<VmEvent> all() {
      return List.copyOf(seen);
    }

    synchronized void clear() {
      seen.clear();
    }
  }
}
