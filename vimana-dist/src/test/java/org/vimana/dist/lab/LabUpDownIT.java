package org.vimana.dist.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vimana.api.client.VimanaClient;
import org.vimana.api.model.HostView;
import org.vimana.api.model.VmFilter;
import org.vimana.api.model.VmView;

/**
 * {@code vimana lab up} and {@code vimana lab down} as a user runs them, as real processes: up
 * leaves a manager, two libvirt nodes and two running guests behind and points the CLI at them;
 * down ends every one of those processes and removes the lab's files.
 */
class LabUpDownIT {
  @TempDir Path dir;

  @Test
  void upStartsARealLabAndDownRemovesEveryProcessAndFile() throws Exception {
    Path lab = dir.resolve("lab");
    int http = freePort();
    int grpc = freePort();
    Result up =
        vimana(
            "lab",
            "up",
            "--hosts",
            "2",
            "--vms",
            "2",
            "--data-dir",
            lab.toString(),
            "--http-port",
            Integer.toString(http),
            "--grpc-port",
            Integer.toString(grpc));
    assertThat(up.code).as(up.output).isZero();
    assertThat(up.output).contains("lab up: 2 hosts, 2 VMs");

    // The CLI now points at the lab.
    assertThat(Files.readString(dir.resolve("client.json"))).contains("127.0.0.1:" + http);
    VimanaClient api =
        new VimanaClient(
            URI.create("http://127.0.0.1:" + http),
            Files.readString(lab.resolve("manager/admin.token")).strip());
    assertThat(api.hosts())
        .extracting(HostView::name, HostView::state, HostView::driver)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("lab-1", "up", "libvirt"),
            org.assertj.core.groups.Tuple.tuple("lab-2", "up", "libvirt"));
    awaitTrue(
        "both guests count on their consoles",
        () -> counting(api, "lab-vm-1") && counting(api, "lab-vm-2"));
    assertThat(api.vms(VmFilter.all())).extracting(VmView::state).containsOnly("running");
    Result list = vimana("vm", "list");
    assertThat(list.code).as(list.output).isZero();
    assertThat(list.output).contains("lab-vm-1").contains("lab-vm-2");

    List<Long> pids = new ArrayList<>();
    for (String l : Files.readAllLines(lab.resolve("pids"))) {
      pids.add(Long.parseLong(l.strip()));
    }
    assertThat(pids).hasSize(3).allSatisfy(p -> assertThat(ProcessHandle.of(p)).isPresent());

    Result again = vimana("lab", "up", "--data-dir", lab.toString());
    assertThat(again.code).isEqualTo(4);
    assertThat(again.output).contains("already up");

    Result down = vimana("lab", "down", "--data-dir", lab.toString());
    assertThat(down.code).as(down.output).isZero();
    assertThat(down.output).contains("3 processes ended");
    for (long p : pids) {
      assertThat(ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }
    assertThat(lab).doesNotExist();
    Result downAgain = vimana("lab", "down", "--data-dir", lab.toString());
    assertThat(downAgain.code).isEqualTo(3);
    assertThat(downAgain.output).contains("no lab is up");
  }

  private static boolean counting(VimanaClient api, String vm) {
    try {
      return api.console(vm, 4096).contains("vimana-counter");
    } catch (Exception e) {
      return false;
    }
  }

  private record Result(int code, String output) {}

  private Result vimana(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("org.vimana.cli.Main");
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "cli-", ".out");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(out.toFile());
    pb.environment().put("VIMANA_CONFIG", dir.resolve("client.json").toString());
    Process p = pb.start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("vimana " + String.join(" ", args) + " did not end in 10 minutes");
    }
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
  }

  private static void awaitTrue(String what, java.util.function.BooleanSupplier ok)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!ok.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(500);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
