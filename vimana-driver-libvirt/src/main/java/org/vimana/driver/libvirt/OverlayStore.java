package org.vimana.driver.libvirt;

import static org.vimana.driver.libvirt.xml.Xml.child;

import java.nio.file.Path;
import org.libvirt.Connect;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;
import org.vimana.core.driver.HypervisorException;
import org.vimana.driver.libvirt.connection.LibvirtConnection;
import org.vimana.driver.libvirt.xml.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * VM disks as copy-on-write qcow2 overlays of an image's base disk, created and deleted through
 * libvirt's storage API (a dir pool; libvirt runs qemu-img itself), never by shelling out.
 */
final class OverlayStore {
  private static final long GIB = 1L << 30;

  private final LibvirtConnection connection;
  private final String poolName;
  private final Path dir;

  OverlayStore(LibvirtConnection connection, String poolName, Path dir) {
    this.connection = connection;
    this.poolName = poolName;
    this.dir = dir;
  }

  /** Creates {@code <vmId>.qcow2} backed by {@code base}; returns its path. */
  Path create(String vmId, Path base, long diskGib) throws HypervisorException {
    try {
      StorageVol vol =
          pool(connection.get()).storageVolCreateXML(volumeXml(vmId, base, diskGib), 0);
      return Path.of(vol.getPath());
    } catch (LibvirtException e) {
      throw Errors.map(connection, "cannot create overlay disk for " + vmId, e);
    } catch (IllegalStateException e) {
      throw new HypervisorException(HypervisorException.Reason.FAILED, e.getMessage(), e);
    }
  }

  /** Deletes the overlay at {@code path} if it is one of this pool's volumes. */
  void deleteIfOurs(Path path) throws HypervisorException {
    if (!path.startsWith(dir)) {
      return;
    }
    try {
      StoragePool pool = pool(connection.get());
      pool.refresh(0);
      pool.storageVolLookupByName(path.getFileName().toString()).delete(0);
    } catch (LibvirtException e) {
      if (e.getError() == null || e.getError().getCode() != ErrorNumber.VIR_ERR_NO_STORAGE_VOL) {
        throw Errors.map(connection, "cannot delete disk " + path, e);
      }
    }
  }

  static String volumeXml(String vmId, Path base, long diskGib) {
    Document doc = Xml.newDocument();
    Element volume = doc.createElement("volume");
    doc.appendChild(volume);
    child(volume, "name", vmId + ".qcow2");
    child(volume, "capacity", "unit", "bytes")
        .setTextContent(Long.toString(Math.max(1, diskGib) * GIB));
    Element target = child(volume, "target");
    child(target, "format", "type", "qcow2");
    Element backing = child(volume, "backingStore");
    child(backing, "path", base.toString());
    child(backing, "format", "type", "qcow2");
    return Xml.toString(doc);
  }

  private StoragePool pool(Connect connect) throws LibvirtException {
    try {
      StoragePool pool = connect.storagePoolLookupByName(poolName);
      String path =
          Xml.first(Xml.parse(pool.getXMLDesc(0)).getDocumentElement(), "target")
              .flatMap(t -> Xml.text(t, "path"))
              .orElse("");
      if (!Path.of(path).equals(dir)) {
        throw new IllegalStateException(
            "storage pool '"
                + poolName
                + "' holds "
                + path
                + ", not disk-dir "
                + dir
                + "; set the option pool to another name or disk-dir to "
                + path);
      }
      if (pool.isActive() == 0) {
        pool.create(0);
      }
      return pool;
    } catch (LibvirtException e) {
      if (e.getError() == null || e.getError().getCode() != ErrorNumber.VIR_ERR_NO_STORAGE_POOL) {
        throw e;
      }
    }
    Document doc = Xml.newDocument();
    Element pool = doc.createElement("pool");
    doc.appendChild(pool);
    pool.setAttribute("type", "dir");
    child(pool, "name", poolName);
    child(child(pool, "target"), "path", dir.toString());
    // Transient: the pool lives as long as libvirtd; it is re-created on first use after a restart.
    return connect.storagePoolCreateXML(Xml.toString(doc), 0);
  }
}
