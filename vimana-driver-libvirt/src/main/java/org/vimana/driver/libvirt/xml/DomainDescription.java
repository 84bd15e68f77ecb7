package org.vimana.driver.libvirt.xml;

import java.nio.file.Path;
import java.util.Optional;
import org.vimana.core.vm.VmSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What the driver reads back from a defined domain's XML.
 *
 * @param uuid the domain UUID (the VM id)
 * @param name the domain name
 * @param spec the spec from Vimana's metadata; empty for domains Vimana did not define
 * @param disk the first file-backed disk
 * @param consoleLog the serial console's log file
 * @param agentSocket the unix socket of the {@code org.vimana.agent.0} channel
 */
public record DomainDescription(
    String uuid,
    String name,
    Optional<VmSpec> spec,
    Optional<Path> disk,
    Optional<Path> consoleLog,
    Optional<Path> agentSocket) {

  /** Parses a domain's XML as libvirt returns it. */
  public static DomainDescription parse(String xml) {
    Document doc = Xml.parse(xml);
    Element domain = doc.getDocumentElement();
    String uuid = Xml.text(domain, "uuid").orElse("");
    String name = Xml.text(domain, "name").orElse("");
    Optional<VmSpec> spec = SpecMetadata.find(doc);
    Optional<Element> devices = Xml.first(domain, "devices");
    Optional<Path> disk = Optional.empty();
    Optional<Path> log = Optional.empty();
    Optional<Path> socket = Optional.empty();
    if (devices.isPresent()) {
      disk = fileDisk(devices.get());
      log =
          Xml.first(devices.get(), "serial")
              .flatMap(s -> Xml.first(s, "log"))
              .map(l -> l.getAttribute("file"))
              .filter(f -> !f.isEmpty())
              .map(Path::of);
      socket = agentSocket(devices.get());
    }
    return new DomainDescription(uuid, name, spec, disk, log, socket);
  }

  private static Optional<Path> fileDisk(Element devices) {
    for (Element disk : Xml.children(devices, "disk")) {
      Optional<String> file =
          Xml.first(disk, "source").map(s -> s.getAttribute("file")).filter(f -> !f.isEmpty());
      if ("disk".equals(disk.getAttribute("device")) && file.isPresent()) {
        return file.map(Path::of);
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> agentSocket(Element devices) {
    for (Element channel : Xml.children(devices, "channel")) {
      boolean agent =
          Xml.first(channel, "target")
              .map(t -> DomainPlan.AGENT_CHANNEL.equals(t.getAttribute("name")))
              .orElse(false);
      if (agent) {
        return Xml.first(channel, "source")
            .map(s -> s.getAttribute("path"))
            .filter(p -> !p.isEmpty())
            .map(Path::of);
      }
    }
    return Optional.empty();
  }
}
