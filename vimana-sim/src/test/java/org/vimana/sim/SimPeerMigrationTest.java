package org.vimana.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vimana.sim.Fixtures.assertRefused;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.driver.HypervisorException.Reason;
import org.vimana.core.driver.MigrationOptions;
import org.vimana.core.driver.MigrationResult;
import org.vimana.core.vm.VmState;
import org.vimana.core.workload.Workload;
import org.vimana.sim.time.VirtualTimeScheduler;

/**
 * Migration between sim hosts that do not share a fabric, as hosts in two node processes do: the VM
 * travels over the target's loopback peer socket.
 */
class SimPeerMigrationTest {
  private final VirtualTimeScheduler clock = new VirtualTimeScheduler();
  private SimHypervisor source;
  private SimHypervisor target;

  @BeforeEach
  void open() throws HypervisorException {
    source = Fixtures.host("p1", clock, new SimFabric(), Map.of("memory", "16G"));
    target = Fixtures.host("p2", clock, new SimFabric(), Map.of("memory", "8G"));
    source.define("vm-1", Fixtures.spec("web-1", 2, 2048, new Workload.Constant(0.5, 0.5)));
    source.start("vm-1");
    clock.advanceBy(Duration.ofSeconds(2));
  }

  @AfterEach
  void close() {
    source.close();
    target.close();
  }

  private CompletableFuture<MigrationResult> migrate() throws HypervisorException {
    String uri = target.migrator().orElseThrow().prepareIncoming(source.find("vm-1").orElseThrow());
    assertThat(uri).startsWith("sim://p2?peer=127.0.0.1:");
    return source
        .migrator()
        .orElseThrow()
        .migrate("vm-1", uri, MigrationOptions.defaults())
        .toCompletableFuture();
  }

  @Test
  void aVmMovesToAHostOfAnotherFabricAndKeepsItsIdentity() throws Exception {
    long boots = source.find("vm-1").orElseThrow().bootCount();
    CompletableFuture<MigrationResult> done = migrate();
    assertThat(target.find("vm-1")).isEmpty(); // not before switch-over
    clock.advanceBy(Duration.ofMinutes(1));

    assertThat(done.get().totalMillis()).isPositive();
    assertThat(source.find("vm-1")).isEmpty();
    var moved = target.find("vm-1").orElseThrow();
    assertThat(moved.state()).isEqualTo(VmState.RUNNING);
    assertThat(moved.bootCount()).isEqualTo(boots);
    assertThat(moved.spec().name()).isEqualTo("web-1");
  }

  @Test
  void whenTheTargetIsGoneAtSwitchOverTheVmStaysOnItsSource() throws Exception {
    CompletableFuture<MigrationResult> done = migrate();
    target.close();
    clock.advanceBy(Duration.ofMinutes(1));

    assertThat(done).isCompletedExceptionally();
    ExecutionException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(done::get, ExecutionException.class);
    assertThat(e.getCause()).isInstanceOf(HypervisorException.class);
    assertThat(source.find("vm-1").orElseThrow().state()).isEqualTo(VmState.RUNNING);
  }

  @Test
  void aTargetThatWasNotPreparedRefusesBeforeAnythingMoves() throws HypervisorException {
    String uri = target.migrator().orElseThrow().prepareIncoming(source.find("vm-1").orElseThrow());
    String otherVm = uri; // prepared for vm-1 only
    source.define("vm-2", Fixtures.spec("web-2", 1, 512, new Workload.Constant(0.1, 0.1)));
    source.start("vm-2");
    clock.advanceBy(Duration.ofSeconds(2));
    assertRefused(
            () ->
                source
                    .migrator()
                    .orElseThrow()
                    .migrate("vm-2", otherVm, MigrationOptions.defaults()),
            Reason.INVALID_STATE)
        .hasMessageContaining("not prepared");
    assertThat(source.find("vm-2").orElseThrow().state()).isEqualTo(VmState.RUNNING);
  }

  @Test
  void garbageOnThePeerSocketGetsAnErrorAndTheServerGoesOnServing() throws Exception {
    String uri = target.migrator().orElseThrow().prepareIncoming(source.find("vm-1").orElseThrow());
    String address = uri.substring(uri.indexOf("?peer=") + 6);
    int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    try (Socket s = new Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
      OutputStream out = s.getOutputStream();
      new DataOutputStream(out).writeInt(PeerWire.MAGIC.length());
      out.write(PeerWire.MAGIC.getBytes(StandardCharsets.UTF_8));
      new DataOutputStream(out).writeInt(Integer.MAX_VALUE); // an absurd length
      out.flush();
      DataInputStream in = new DataInputStream(s.getInputStream());
      assertThat(PeerWire.read(in)).isEqualTo("ERR");
      assertThat(PeerWire.read(in)).isEqualTo("FAILED");
      assertThat(PeerWire.read(in)).contains("bad string length");
    }
    // The same server still takes the real migration.
    CompletableFuture<MigrationResult> done =
        source
            .migrator()
            .orElseThrow()
            .migrate("vm-1", uri, MigrationOptions.defaults())
            .toCompletableFuture();
    clock.advanceBy(Duration.ofMinutes(1));
    assertThat(done.get().totalMillis()).isPositive();
    assertThat(target.find("vm-1")).isPresent();
  }
}
