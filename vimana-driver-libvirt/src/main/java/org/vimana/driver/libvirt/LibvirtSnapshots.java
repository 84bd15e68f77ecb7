package org.vimana.driver.libvirt;

import static org.vimana.driver.libvirt.xml.Xml.child;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.libvirt.Domain;
import org.libvirt.DomainSnapshot;
import org.libvirt.LibvirtException;
import org.vimana.core.Validation;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.driver.Snapshots;
import org.vimana.driver.libvirt.xml.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** {@link Snapshots} through libvirt's snapshot API. */
final class LibvirtSnapshots implements Snapshots {
  private final DomainLookup domains;

  /** Finds a domain by VM id. */
  interface DomainLookup {
    Domain domain(String vmId) throws HypervisorException;
  }

  LibvirtSnapshots(DomainLookup domains) {
    this.domains = domains;
  }

  @Override
  public SnapshotInfo create(String vmId, String name, String description)
      throws HypervisorException {
    Validation.name("snapshot name", name);
    Document doc = Xml.newDocument();
    Element snap = doc.createElement("domainsnapshot");
    doc.appendChild(snap);
    child(snap, "name", name);
    child(snap, "description", description == null ? "" : description);
    Domain d = domains.domain(vmId);
    try {
      return info(d.snapshotCreateXML(Xml.toString(doc), 0));
    } catch (LibvirtException e) {
      throw Errors.map("cannot snapshot " + vmId, e);
    }
  }

  @Override
  public List<SnapshotInfo> list(String vmId) throws HypervisorException {
    Domain d = domains.domain(vmId);
    try {
      List<SnapshotInfo> out = new ArrayList<>();
      for (String name : d.snapshotListNames()) {
        out.add(info(d.snapshotLookupByName(name)));
      }
      out.sort(Comparator.comparing(SnapshotInfo::createdAt));
      return out;
    } catch (LibvirtException e) {
      throw Errors.map("cannot list snapshots of " + vmId, e);
    }
  }

  @Override
  public void revert(String vmId, String name) throws HypervisorException {
    Domain d = domains.domain(vmId);
    try {
      d.revertToSnapshot(d.snapshotLookupByName(name));
    } catch (LibvirtException e) {
      throw Errors.map("cannot revert " + vmId + " to snapshot " + name, e);
    }
  }

  @Override
  public void delete(String vmId, String name) throws HypervisorException {
    Domain d = domains.domain(vmId);
    try {
      d.snapshotLookupByName(name).delete(0);
    } catch (LibvirtException e) {
      throw Errors.map("cannot delete snapshot " + name + " of " + vmId, e);
    }
  }

  static SnapshotInfo info(DomainSnapshot snapshot) throws LibvirtException {
    return parse(snapshot.getXMLDesc());
  }

  static SnapshotInfo parse(String xml) {
    Element root = Xml.parse(xml).getDocumentElement();
    long created = Xml.text(root, "creationTime").map(Long::parseLong).orElse(0L);
    return new SnapshotInfo(
        Xml.text(root, "name").orElse(""),
        Xml.text(root, "description").orElse(""),
        Instant.ofEpochSecond(created),
        Xml.text(root, "state").orElse(""));
  }
}
