package org.vimana.agent.qga;

import java.util.List;
import org.vimana.agent.json.Expect;
import org.vimana.agent.json.JsonArray;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;

/** guest-get-fsinfo element. */
public record GuestFilesystemInfo(
    String name,
    String mountpoint,
    String type,
    Long usedBytes,
    Long totalBytes,
    List<DiskAddress> disk) {

  public GuestFilesystemInfo {
    disk = List.copyOf(disk);
  }

  /** GuestDiskAddress: where a filesystem's disk sits; fields are -1 when unknown. */
  public record DiskAddress(
      PciAddress pciController,
      String busType,
      long bus,
      long target,
      long unit,
      String serial,
      String dev) {

    public JsonObject toJson() {
      return JsonObject.builder()
          .put("pci-controller", pciController.toJson())
          .put("bus-type", busType)
          .put("bus", bus)
          .put("target", target)
          .put("unit", unit)
          .putOpt("serial", serial)
          .putOpt("dev", dev)
          .build();
    }

    public static DiskAddress fromJson(JsonValue v) {
      JsonObject o = Expect.object(v, "disk[]");
      return new DiskAddress(
          PciAddress.fromJson(o.obj("pci-controller")),
          o.str("bus-type"),
          o.integer("bus"),
          o.integer("target"),
          o.integer("unit"),
          o.optStr("serial"),
          o.optStr("dev"));
    }
  }

  /** GuestPCIAddress. */
  public record PciAddress(long domain, long bus, long slot, long function) {
    public static final PciAddress UNKNOWN = new PciAddress(-1, -1, -1, -1);

    public JsonObject toJson() {
      return JsonObject.builder()
          .put("domain", domain)
          .put("bus", bus)
          .put("slot", slot)
          .put("function", function)
          .build();
    }

    public static PciAddress fromJson(JsonObject o) {
      return new PciAddress(
          o.integer("domain"), o.integer("bus"), o.integer("slot"), o.integer("function"));
    }
  }

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("name", name)
        .put("mountpoint", mountpoint)
        .put("type", type)
        .putOpt("used-bytes", usedBytes)
        .putOpt("total-bytes", totalBytes)
        .put("disk", JsonArray.of(disk, DiskAddress::toJson))
        .build();
  }

  public static GuestFilesystemInfo fromJson(JsonValue v) {
    JsonObject o = Expect.object(v, "return[]");
    return new GuestFilesystemInfo(
        o.str("name"),
        o.str("mountpoint"),
        o.str("type"),
        o.optInteger("used-bytes"),
        o.optInteger("total-bytes"),
        o.list("disk", DiskAddress::fromJson));
  }
}
