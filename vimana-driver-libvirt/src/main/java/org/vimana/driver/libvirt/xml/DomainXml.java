package org.vimana.driver.libvirt.xml;

import static org.vimana.driver.libvirt.xml.Xml.child;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds libvirt domain XML from a {@link DomainPlan}: resources, the spec as metadata, direct
 * kernel boot or disk boot, the root disk, a serial console logged to a file and the guest agent's
 * virtio-serial channel. Only generic libvirt elements are used, so the same XML serves QEMU/KVM,
 * Xen (HVM) and the test driver.
 */
public final class DomainXml {
  private DomainXml() {}

  /** The domain XML for {@code plan}. */
  public static String build(DomainPlan plan) {
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
      child(os, "cmdline", k.cmdline());
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
  }
}
