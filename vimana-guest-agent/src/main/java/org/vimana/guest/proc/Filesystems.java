package org.vimana.guest.proc;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vimana.agent.ext.FilesystemUsage;
import org.vimana.agent.qga.GuestFilesystemInfo;

/**
 * Space usage of storage mounts through java.nio {@link FileStore} (statvfs underneath). The usage
 * lookup is a seam so fixture trees can supply figures.
 */
public final class Filesystems {
  /** statvfs figures of one mountpoint. */
  public record Space(long total, long free, long available) {}

  /** Looks up space for a mountpoint path; throws when it cannot (stale NFS, permission). */
  public interface SpaceLookup {
    Space space(String mountpoint) throws IOException;
  }

  /**
   * The real lookup on the running system. {@code Files.getFileStore} reads the whole of
   * /proc/mounts and stats every mountpoint to find the store; the store then runs statvfs on its
   * path at each query, so it is kept per mountpoint and found once (a store whose path is gone is
   * dropped on the first failure).
   */
  public static final SpaceLookup STATVFS = new CachedStores();

  private static final class CachedStores implements SpaceLookup {
    private final Map<String, FileStore> stores = new ConcurrentHashMap<>();

    @Override
    public Space space(String mountpoint) throws IOException {
      FileStore fs = stores.get(mountpoint);
      if (fs == null) {
        fs = Files.getFileStore(Path.of(mountpoint));
        stores.put(mountpoint, fs);
      }
      try {
        return new Space(fs.getTotalSpace(), fs.getUnallocatedSpace(), fs.getUsableSpace());
      } catch (IOException e) {
        stores.remove(mountpoint);
        throw e;
      }
    }
  }

  private final SystemRoot root;
  private final SpaceLookup lookup;

  public Filesystems(SystemRoot root, SpaceLookup lookup) {
    this.root = root;
    this.lookup = lookup;
  }

  /** For vimana-status; mounts whose space cannot be read are skipped. */
  public List<FilesystemUsage> usage() throws IOException {
    List<FilesystemUsage> out = new ArrayList<>();
    for (Mounts.Mount m : Mounts.storage(Mounts.read(root))) {
      try {
        Space s = lookup.space(m.mountpoint());
        out.add(
            new FilesystemUsage(
                m.mountpoint(),
                m.device(),
                m.type(),
                s.total(),
                s.total() - s.free(),
                s.available()));
      } catch (IOException | SecurityException e) {
        // unreadable mount (stale, permission): leave it out rather than fail the snapshot
      }
    }
    return out;
  }

  /** For guest-get-fsinfo, in QEMU's shape; disk addresses carry what /dev names reveal. */
  public List<GuestFilesystemInfo> fsinfo() throws IOException {
    List<GuestFilesystemInfo> out = new ArrayList<>();
    for (Mounts.Mount m : Mounts.storage(Mounts.read(root))) {
      Long used = null;
      Long total = null;
      try {
        Space s = lookup.space(m.mountpoint());
        used = s.total() - s.free();
        total = s.total();
      } catch (IOException | SecurityException e) {
        // QEMU leaves the sizes out in that case too
      }
      String name = m.device().startsWith("/dev/") ? m.device().substring(5) : m.device();
      List<GuestFilesystemInfo.DiskAddress> disks =
          m.device().startsWith("/dev/")
              ? List.of(
                  new GuestFilesystemInfo.DiskAddress(
                      GuestFilesystemInfo.PciAddress.UNKNOWN,
                      busType(name),
                      0,
                      0,
                      0,
                      null,
                      m.device()))
              : List.of();
      out.add(new GuestFilesystemInfo(name, m.mountpoint(), m.type(), used, total, disks));
    }
    return out;
  }

  static String busType(String dev) {
    if (dev.startsWith("vd")) {
      return "virtio";
    }
    if (dev.startsWith("sd")) {
      return "scsi";
    }
    if (dev.startsWith("hd")) {
      return "ide";
    }
    if (dev.startsWith("xvd")) {
      return "xen";
    }
    if (dev.startsWith("mmcblk")) {
      return "sd";
    }
    return "unknown";
  }
}
