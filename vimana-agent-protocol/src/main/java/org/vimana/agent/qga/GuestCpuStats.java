package org.vimana.agent.qga;

import org.vimana.agent.json.Expect;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;

/**
 * guest-get-cpustats element, the "linux" variant of QEMU's union: cumulative times of one CPU in
 * USER_HZ ticks, as /proc/stat gives them. Optional members are null when the kernel lacks them.
 */
public record GuestCpuStats(
    long cpu,
    long user,
    long nice,
    long system,
    long idle,
    Long iowait,
    Long irq,
    Long softirq,
    Long steal,
    Long guest,
    Long guestnice) {

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("type", "linux")
        .put("cpu", cpu)
        .put("user", user)
        .put("nice", nice)
        .put("system", system)
        .put("idle", idle)
        .putOpt("iowait", iowait)
        .putOpt("irq", irq)
        .putOpt("softirq", softirq)
        .putOpt("steal", steal)
        .putOpt("guest", guest)
        .putOpt("guestnice", guestnice)
        .build();
  }

  public static GuestCpuStats fromJson(JsonValue v) {
    JsonObject o = Expect.object(v, "return[]");
    return new GuestCpuStats(
        o.integer("cpu"),
        o.integer("user"),
        o.integer("nice"),
        o.integer("system"),
        o.integer("idle"),
        o.optInteger("iowait"),
        o.optInteger("irq"),
        o.optInteger("softirq"),
        o.optInteger("steal"),
        o.optInteger("guest"),
        o.optInteger("guestnice"));
  }
}
