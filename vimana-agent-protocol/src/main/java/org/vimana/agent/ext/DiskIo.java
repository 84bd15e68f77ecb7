package org.vimana.agent.ext;

import org.vimana.agent.json.Expect;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;

/** One block device: cumulative /proc/diskstats counters and rates over the snapshot interval. */
public record DiskIo(
    String name,
    long readBytes,
    long writtenBytes,
    long readIos,
    long writeIos,
    long ioMillis,
    double readBytesPerSecond,
    double writeBytesPerSecond,
    double utilPercent) {

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("name", name)
        .put("read-bytes", readBytes)
        .put("written-bytes", writtenBytes)
        .put("read-ios", readIos)
        .put("write-ios", writeIos)
        .put("io-ms", ioMillis)
        .put("read-bytes-per-second", readBytesPerSecond)
        .put("write-bytes-per-second", writeBytesPerSecond)
        .put("util-percent", utilPercent)
        .build();
  }

  public static DiskIo fromJson(JsonValue v) {
    JsonObject o = Expect.object(v, "disks[]");
    return new DiskIo(
        o.str("name"),
        o.integer("read-bytes"),
        o.integer("written-bytes"),
        o.integer("read-ios"),
        o.integer("write-ios"),
        o.integer("io-ms"),
        o.number("read-bytes-per-second"),
        o.number("write-bytes-per-second"),
        o.number("util-percent"));
  }
}
