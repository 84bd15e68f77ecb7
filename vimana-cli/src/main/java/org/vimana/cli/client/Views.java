package org.vimana.cli.client;

import static org.vimana.cli.format.Table.Field.left;
import static org.vimana.cli.format.Table.Field.right;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.vimana.api.model.EventView;
import org.vimana.api.model.HostView;
import org.vimana.api.model.VmView;
import org.vimana.cli.format.KeyValues;
import org.vimana.cli.format.Sizes;
import org.vimana.cli.format.Table;
import org.vimana.cli.format.Workloads;
import org.vimana.core.template.Template;

/** The human renderings of the API records: tables for lists, key/value blocks for one. */
public final class Views {
  private Views() {}

  public static String vmTable(List<VmView> vms) {
    return Table.of(
        sorted(vms, VmView::name),
        left("NAME", VmView::name),
        left("STATE", VmView::state),
        left("HOST", VmView::hostName),
        right("VCPUS", VmView::vcpus),
        right("MEMORY", v -> Sizes.formatMib(v.memoryMib())),
        right("CPU%", v -> percent(v.cpuPercent())),
        right(
            "MEM USED", v -> v.memoryUsedMib() == null ? null : Sizes.formatMib(v.memoryUsedMib())),
        left("TAGS", v -> tags(v.tags())));
  }

  public static String hostTable(List<HostView> hosts) {
    return Table.of(
        sorted(hosts, HostView::name),
        left("NAME", HostView::name),
        left("STATE", HostView::state),
        left("MAINT", h -> h.maintenance() ? "yes" : "no"),
        right("VMS", HostView::vmCount),
        right("CPU%", h -> percent(h.cpuPercent())),
        right("MEM USED/TOTAL", h -> memoryOfTotal(h.memoryUsedMib(), h.memoryMib())),
        left("DRIVER", HostView::driver));
  }

  public static String templateTable(List<Template> templates) {
    return Table.of(
        sorted(templates, Template::name),
        left("NAME", Template::name),
        right("VCPUS", Template::vcpus),
        right("MEMORY", t -> Sizes.formatMib(t.memoryMib())),
        right("DISK", t -> Sizes.formatGib(t.diskGib())),
        left("IMAGE", t -> nonEmpty(t.image())),
        left("WORKLOAD", t -> Workloads.format(t.workload())));
  }

  public static String eventTable(List<EventView> events) {
    return Table.of(
        events,
        left("AT", e -> time(e.at())),
        left("VM", EventView::vmName),
        left("HOST", EventView::hostName),
        left("TYPE", EventView::type),
        left("STATE", EventView::state),
        left("MESSAGE", e -> nonEmpty(e.message())));
  }

  public static String vm(VmView v) {
    KeyValues kv = new KeyValues();
    kv.add("Name", v.name());
    kv.add("Id", v.id());
    kv.add("State", v.state());
    kv.add("Host", v.hostName());
    kv.add("vCPUs", Integer.toString(v.vcpus()));
    kv.add("Memory", Sizes.formatMib(v.memoryMib()));
    kv.add("Disk", Sizes.formatGib(v.diskGib()));
    kv.add("Template", v.template());
    kv.add("Image", nonEmpty(v.image()));
    kv.add("Workload", v.workload() == null ? null : Workloads.format(v.workload()));
    kv.add("Tags", tags(v.tags()));
    kv.add("CPU", percentSign(v.cpuPercent()));
    kv.add("Memory used", memoryOfTotal(v.memoryUsedMib(), v.memoryMib()));
    kv.add("Boots", Long.toString(v.bootCount()));
    kv.add("Created", time(v.createdAt()));
    kv.add("Updated", time(v.updatedAt()));
    return kv.render();
  }

  public static String host(HostView h) {
    KeyValues kv = new KeyValues();
    kv.add("Name", h.name());
    kv.add("Id", h.id());
    kv.add("State", h.state());
    kv.add("Maintenance", h.maintenance() ? "yes" : "no");
    kv.add("Driver", h.driver());
    kv.add("Hypervisor", h.hypervisor());
    kv.add("CPU", h.cpuCores() + " cores x " + h.cpuMhz() + " MHz, " + h.cpuModel());
    kv.add("Memory", Sizes.formatMib(h.memoryMib()));
    kv.add("Disk", Sizes.formatGib(h.diskGib()));
    kv.add("VMs", h.runningVms() + " running of " + h.vmCount());
    kv.add(
        "Allocated",
        h.allocatedVcpus() + " vCPUs, " + Sizes.formatMib(h.allocatedMemoryMib()) + " memory");
    kv.add("CPU used", percentSign(h.cpuPercent()));
    kv.add("Memory used", memoryOfTotal(h.memoryUsedMib(), h.memoryMib()));
    kv.add("Last seen", time(h.lastSeen()));
    return kv.render();
  }

  public static String template(Template t) {
    KeyValues kv = new KeyValues();
    kv.add("Name", t.name());
    kv.add("Description", nonEmpty(t.description()));
    kv.add("vCPUs", Integer.toString(t.vcpus()));
    kv.add("Memory", Sizes.formatMib(t.memoryMib()));
    kv.add("Disk", Sizes.formatGib(t.diskGib()));
    kv.add("Image", nonEmpty(t.image()));
    kv.add("Workload", Workloads.format(t.workload()));
    return kv.render();
  }

  static String percent(Double p) {
    return p == null ? null : String.format(Locale.ROOT, "%.1f", p);
  }

  /** {@code 12.5%}, or null (printed as {@code -}) when unknown. */
  static String percentSign(Double p) {
    return p == null ? null : percent(p) + "%";
  }

  static String memoryOfTotal(Long used, long total) {
    return (used == null ? "-" : Sizes.formatMib(used)) + "/" + Sizes.formatMib(total);
  }

  static String tags(List<String> tags) {
    return tags == null || tags.isEmpty() ? null : String.join(",", tags);
  }

  /** The text, or null (printed as {@code -}) when there is none. */
  static String nonEmpty(String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  static String time(Instant at) {
    return at == null ? null : at.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static <T> List<T> sorted(List<T> items, java.util.function.Function<T, String> key) {
    return items.stream()
        .sorted(Comparator.comparing(key, Comparator.nullsLast(String::compareTo)))
        .toList();
  }
}
