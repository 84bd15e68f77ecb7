package org.vimana.driver.libvirt.xml;

import static org.vimana.driver.libvirt.xml.Xml.child;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.vimana.core.vm.VmSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds libvirt domain XML from a {@link DomainPlan}: resources, the spec as metadata, direct
 * kernel boot or disk boot, the root disk, a serial console logged to a file and the guest agent's
 * virtio-serial channel. Only generic libvirt elements are used, so the same XML serves QEMU/KVM,
 * Xen (HVM) and the test driver; the one exception, an emulated {@code i6300esb} watchdog, is added
 * for the {@code qemu} and {@code kvm} domain types only.
 *
 * <p>Two spec labels are read: {@value #WATCHDOG_ACTION_LABEL} (what the hypervisor does when the
 * guest stops feeding its watchdog: one of {@link #WATCHDOG_ACTIONS}, default {@code reset}) and
 * {@value #CMDLINE_APPEND_LABEL} (appended to the image's kernel command line; direct kernel boot
 * only). {@link #validate} rejects bad values.
 */
public final class DomainXml {
  /** The spec label naming the watchdog's action. */
  public static final String WATCHDOG_ACTION_LABEL = "watchdog.action";

  /** The spec label whose value is appended to the kernel command line. */
  public static final String CMDLINE_APPEND_LABEL = "kernel.cmdline.append";

  /** libvirt's {@code <watchdog action=...>} values. */
  public static final Set<String> WATCHDOG_ACTIONS =
      Set.of("reset", "poweroff", "pause", "none", "dump", "shutdown", "inject-nmi");

  /** The watchdog device model: PCI, emulated by QEMU, driven by Linux's i6300esb module. */
  public static final String WATCHDOG_MODEL = "i6300esb";

  private static final String DEFAULT_WATCHDOG_ACTION = "reset";
  private static final int CMDLINE_APPEND_MAX = 256;
  // Kernel parameters only: no quotes, no shell or XML metacharacters, no control characters.
  private static final Pattern CMDLINE_APPEND =
      Pattern.compile("[A-Za-z0-9._,:/=+@-]+( [A-Za-z0-9._,:/=+@-]+)*");

  private DomainXml() {}

  /**
   * Checks the labels this builder reads.
   *
   * @throws IllegalArgumentException naming the label and what is wrong with it
   */
  public static void validate(VmSpec spec, boolean kernelBoot) {
    String action = spec.labels().get(WATCHDOG_ACTION_LABEL);
    if (action != null && !WATCHDOG_ACTIONS.contains(action)) {
      throw new IllegalArgumentException(
          "label "
              + WATCHDOG_ACTION_LABEL
              + "='"
              + action
              + "' is not one of "
              + WATCHDOG_ACTIONS.stream().sorted().toList());
    }
    String append = spec.labels().get(CMDLINE_APPEND_LABEL);
    if (append != null) {
      if (append.length() > CMDLINE_APPEND_MAX || !CMDLINE_APPEND.matcher(append).matches()) {
        throw new IllegalArgumentException(
            "label "
                + CMDLINE_APPEND_LABEL
                + " must be at most "
                + CMDLINE_APPEND_MAX
                + " characters of kernel parameters separated by single spaces"
                + " (letters, digits and . _ , : / = + @ -)");
      }
      if (!kernelBoot) {
        throw new IllegalArgumentException(
            "label " + CMDLINE_APPEND_LABEL + " needs an image with direct kernel boot");
      }
    }
  }

  /** The watchdog device the domain gets, as its action; empty for domain types without one. */
  public static Optional<String> watchdogAction(DomainPlan plan) {
    if (!"qemu".equals(plan.domainType()) && !"kvm".equals(plan.domainType())) {
      return Optional.empty();
    }
    return Optional.of(
        plan.spec().labels().getOrDefault(WATCHDOG_ACTION_LABEL, DEFAULT_WATCHDOG_ACTION));
  }

  /**
   * The domain XML for {@code plan}.
   *
   * @throws IllegalArgumentException when the spec's labels are invalid (see {@link #validate})
   */
  public static String build(DomainPlan plan) {
    validate(plan.spec(), plan.kernel().isPresent());
    Document doc = Xml.newDocument();
    Element domain = doc.createElement("domain");
    doc.appendChild(domain);
    domain.setAttribute("type", plan.domainType());
    child(domain, "name", plan.spec().name());
    child(domain, "uuid", plan.uuid().toString());
    child(domain, "metadata").appendChild(SpecMetadata.toElement(doc, plan.spec()));
    child(domain, "memory", "unit", "MiB").setTextContent(Long.toString(plan.spec().memoryMib()));
    child(domain, "vcpu", Integer.toString(plan.spec().vcpus()));
    os(domain, plan);
    Element features = child(domain, "features");
    child(features, "acpi");
    child(features, "apic");
    child(domain, "on_poweroff", "destroy");
    child(domain, "on_reboot", "restart");
    child(domain, "on_crash", "destroy");
    devices(child(domain, "devices"), plan);
    return Xml.toString(doc);
  }

  private static void os(Element domain, DomainPlan plan) {
    Element os = child(domain, "os");
    child(os, "type", "hvm");
    if (plan.kernel().isPresent()) {
      DomainPlan.KernelBoot k = plan.kernel().get();
      child(os, "kernel", k.kernel().toString());
      child(os, "initrd", k.initrd().toString());
      String append = plan.spec().labels().get(CMDLINE_APPEND_LABEL);
      child(os, "cmdline", append == null ? k.cmdline() : (k.cmdline() + " " + append).trim());
    } else {
      child(os, "boot", "dev", "hd");
    }
  }

  private static void devices(Element devices, DomainPlan plan) {
    plan.disk()
        .ifPresent(
            path -> {
              Element disk = child(devices, "disk", "type", "file", "device", "disk");
              child(disk, "driver", "name", "qemu", "type", "qcow2");
              child(disk, "source", "file", path.toString());
              child(disk, "target", "dev", "vda", "bus", "virtio");
            });
    Element serial = child(devices, "serial", "type", "pty");
    child(serial, "log", "file", plan.consoleLog().toString(), "append", "on");
    child(serial, "target", "port", "0");
    Element console = child(devices, "console", "type", "pty");
    child(console, "target", "type", "serial", "port", "0");
    Element channel = child(devices, "channel", "type", "unix");
    child(channel, "source", "mode", "bind", "path", plan.agentSocket().toString());
    child(channel, "target", "type", "virtio", "name", DomainPlan.AGENT_CHANNEL);
    watchdogAction(plan)
        .ifPresent(action -> child(devices, "watchdog", "model", WATCHDOG_MODEL, "action", action));
  }
}
