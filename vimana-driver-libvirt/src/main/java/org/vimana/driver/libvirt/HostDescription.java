package org.vimana.driver.libvirt;

import java.io.IOException;
import java.nio.file.Files;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.NodeInfo;
import org.vimana.core.host.HostCapacity;
import org.vimana.core.host.HostInfo;

/** What a libvirt host is: its capacity and hypervisor, read once when the driver opens. */
final class HostDescription {
  private HostDescription() {}

  static HostInfo of(String hostName, LibvirtOptions options, Connect c) throws LibvirtException {
    NodeInfo node = c.nodeInfo();
    String hypervisor =
        c.getType() + " " + version(c.getVersion()) + " via libvirt " + version(c.getLibVersion());
    long diskGib = 0;
    if (options.local() && Files.isDirectory(options.diskDir())) {
      try {
        diskGib = Files.getFileStore(options.diskDir()).getTotalSpace() >> 30;
      } catch (IOException e) {
        diskGib = 0;
      }
    }
    HostCapacity capacity =
        new HostCapacity(
            Math.max(1, node.cpus),
            Math.max(1, node.mhz),
            Math.max(1, node.memory / 1024),
            diskGib);
    return new HostInfo(hostName, "libvirt", hypervisor, capacity, node.model);
  }

  private static String version(long v) {
    return (v / 1_000_000) + "." + (v / 1000 % 1000) + "." + (v % 1000);
  }
}
