package org.vimana.driver.libvirt.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vimana.core.vm.VmSpec;
import org.vimana.core.workload.Workload;
import org.w3c.dom.Element;

class DomainXmlTest {
  private static final UUID ID = UUID.fromString("0b7c5a3e-1d2f-4a5b-8c9d-0e1f2a3b4c5d");

  private static DomainPlan plan(VmSpec spec, boolean kernel, boolean disk) {
    return new DomainPlan(
        ID,
        spec,
        "qemu",
        kernel
            ? Optional.of(
                new DomainPlan.KernelBoot(
                    Path.of("/img/vmlinuz"), Path.of("/img/initrd.img"), "console=ttyS0"))
            : Optional.empty(),
        disk ? Optional.of(Path.of("/disks/vm.qcow2")) : Optional.empty(),
        Path.of("/state/vm.console.log"),
        Path.of("/state/vm.agent.sock"));
  }

  private static VmSpec spec(Workload w) {
    return new VmSpec("web-1", 2, 128, 1, "busybox", w, Map.of("tier", "web", "env", "lab"));
  }

  @Test
  void domainHasResourcesBootDiskConsoleAndAgentChannel() {
    String xml = DomainXml.build(plan(spec(null), true, true));
    Element d = Xml.parse(xml).getDocumentElement();

    assertThat(d.getAttribute("type")).isEqualTo("qemu");
    assertThat(Xml.text(d, "name")).contains("web-1");
    assertThat(Xml.text(d, "uuid")).contains(ID.toString());
    Element memory = Xml.first(d, "memory").orElseThrow();
    assertThat(memory.getAttribute("unit")).isEqualTo("MiB");
    assertThat(memory.getTextContent()).isEqualTo("128");
    assertThat(Xml.text(d, "vcpu")).contains("2");
    Element os = Xml.first(d, "os").orElseThrow();
    assertThat(Xml.text(os, "kernel")).contains("/img/vmlinuz");
    assertThat(Xml.text(os, "initrd")).contains("/img/initrd.img");
    assertThat(Xml.text(os, "cmdline")).contains("console=ttyS0");
    assertThat(Xml.first(Xml.first(d, "features").orElseThrow(), "acpi")).isPresent();
    Element devices = Xml.first(d, "devices").orElseThrow();
    Element disk = Xml.first(devices, "disk").orElseThrow();
    assertThat(Xml.first(disk, "driver").orElseThrow().getAttribute("type")).isEqualTo("qcow2");
    assertThat(Xml.first(disk, "target").orElseThrow().getAttribute("bus")).isEqualTo("virtio");
    Element channel = Xml.first(devices, "channel").orElseThrow();
    assertThat(channel.getAttribute("type")).isEqualTo("unix");
    assertThat(Xml.first(channel, "source").orElseThrow().getAttribute("mode")).isEqualTo("bind");
    Element target = Xml.first(channel, "target").orElseThrow();
    assertThat(target.getAttribute("type")).isEqualTo("virtio");
    assertThat(target.getAttribute("name")).isEqualTo("org.vimana.agent.0");

    DomainDescription back = DomainDescription.parse(xml);
    assertThat(back.uuid()).isEqualTo(ID.toString());
    assertThat(back.disk()).contains(Path.of("/disks/vm.qcow2"));
    assertThat(back.consoleLog()).contains(Path.of("/state/vm.console.log"));
    assertThat(back.agentSocket()).contains(Path.of("/state/vm.agent.sock"));
    assertThat(back.spec()).contains(spec(null));
  }

  @Test
  void diskBootWithoutKernelBootsFromHd() {
    Element d = Xml.parse(DomainXml.build(plan(spec(null), false, true))).getDocumentElement();
    Element os = Xml.first(d, "os").orElseThrow();
    assertThat(Xml.first(os, "kernel")).isEmpty();
    assertThat(Xml.first(os, "boot").orElseThrow().getAttribute("dev")).isEqualTo("hd");
  }

  @Test
  void disklessDomainHasNoDisk() {
    String xml = DomainXml.build(plan(spec(null), false, false));
    assertThat(DomainDescription.parse(xml).disk()).isEmpty();
  }

  @Test
  void everyWorkloadKindSurvivesTheMetadataRoundTrip() {
    List<Workload> all =
        List.of(
            new Workload.Constant(0.3, 0.4),
            new Workload.Diurnal(0.4, 0.2, 86_400, 3_600, 0.5),
            new Workload.Bursty(0.1, 0.9, 0.2, 30, 42, 0.3),
            new Workload.Trace(List.of(0.1, 0.5, 0.25), 60, 0.2));
    for (Workload w : all) {
      String xml = DomainXml.build(plan(spec(w), false, false));
      assertThat(DomainDescription.parse(xml).spec()).contains(spec(w));
    }
  }

  @Test
  void foreignDomainHasNoSpec() {
    String xml = "<domain type='kvm'><name>other</name><uuid>" + ID + "</uuid></domain>";
    DomainDescription d = DomainDescription.parse(xml);
    assertThat(d.spec()).isEmpty();
    assertThat(d.name()).isEqualTo("other");
  }

  @Test
  void metadataWithBadNumberNamesTheAttribute() {
    String xml =
        "<domain><metadata><v:vm xmlns:v='"
            + SpecMetadata.NAMESPACE
            + "' name='a' vcpus='two' memoryMib='1' diskGib='0' image=''/></metadata></domain>";
    assertThatThrownBy(() -> DomainDescription.parse(xml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vcpus");
  }

  @Test
  void doctypeIsRefused() {
    assertThatThrownBy(
            () -> Xml.parse("<!DOCTYPE d [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><d/>"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static DomainPlan plan(String domainType, Map<String, String> labels, boolean kernel) {
    DomainPlan p = plan(new VmSpec("wd-1", 1, 64, 1, "busybox", null, labels), kernel, false);
    return new DomainPlan(
        p.uuid(), p.spec(), domainType, p.kernel(), p.disk(), p.consoleLog(), p.agentSocket());
  }

  private static Optional<Element> watchdog(DomainPlan plan) {
    Element d = Xml.parse(DomainXml.build(plan)).getDocumentElement();
    return Xml.first(Xml.first(d, "devices").orElseThrow(), "watchdog");
  }

  @Test
  void qemuAndKvmDomainsGetAnI6300esbWatchdogThatResetsByDefault() {
    for (String type : List.of("qemu", "kvm")) {
      Element w = watchdog(plan(type, Map.of(), true)).orElseThrow();
      assertThat(w.getAttribute("model")).isEqualTo("i6300esb");
      assertThat(w.getAttribute("action")).isEqualTo("reset");
    }
  }

  @Test
  void watchdogActionComesFromTheLabel() {
    for (String action : DomainXml.WATCHDOG_ACTIONS) {
      Element w = watchdog(plan("kvm", Map.of("watchdog.action", action), true)).orElseThrow();
      assertThat(w.getAttribute("action")).isEqualTo(action);
    }
  }

  @Test
  void xenAndTestDomainsGetNoWatchdog() {
    for (String type : List.of("xen", "test")) {
      assertThat(watchdog(plan(type, Map.of("watchdog.action", "pause"), true))).isEmpty();
    }
  }

  @Test
  void badWatchdogActionIsRefused() {
    for (String bad : List.of("reboot", "RESET", "", "reset ")) {
      assertThatThrownBy(() -> DomainXml.build(plan("kvm", Map.of("watchdog.action", bad), true)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("watchdog.action");
    }
    // Validated even where no watchdog is added: the spec may move to a KVM host later.
    assertThatThrownBy(
            () ->
                DomainXml.validate(plan("xen", Map.of("watchdog.action", "x"), true).spec(), true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cmdlineAppendIsAddedToTheImagesCommandLine() {
    Element d =
        Xml.parse(
                DomainXml.build(
                    plan(
                        "qemu",
                        Map.of("kernel.cmdline.append", "vimana.watchdog_test quiet"),
                        true)))
            .getDocumentElement();
    assertThat(Xml.text(Xml.first(d, "os").orElseThrow(), "cmdline"))
        .contains("console=ttyS0 vimana.watchdog_test quiet");
    Element plain = Xml.parse(DomainXml.build(plan("qemu", Map.of(), true))).getDocumentElement();
    assertThat(Xml.text(Xml.first(plain, "os").orElseThrow(), "cmdline")).contains("console=ttyS0");
  }

  @Test
  void badCmdlineAppendIsRefused() {
    for (String bad :
        List.of("", " a", "a  b", "a\nb", "init=/bin/sh;reboot", "x'y", "a<b", "x".repeat(257))) {
      assertThatThrownBy(
              () -> DomainXml.build(plan("qemu", Map.of("kernel.cmdline.append", bad), true)))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("kernel.cmdline.append");
    }
    assertThatThrownBy(
            () -> DomainXml.build(plan("qemu", Map.of("kernel.cmdline.append", "quiet"), false)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("direct kernel boot");
  }
}
