package org.vimana.cli.client;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.vimana.api.model.EventView;
import org.vimana.api.model.HostView;
import org.vimana.api.model.VmView;
import org.vimana.cli.format.Sizes;
import org.vimana.cli.format.Table;
import org.vimana.cli.format.Table.Column;
import org.vimana.cli.format.Workloads;
import org.vimana.core.template.Template;

/** The human renderings of the API records: tables for lists, key/value blocks for one. */
public final class Views {
  private Views() {}

  public static String vmTable(List<VmView> vms) {
    Table t =
        new Table(
            Column.left("NAME"),
            Column.left("STATE"),
            Column.left("HOST"),
            Column.right("VCPUS"),
            Column.right("MEMORY"),
            Column.right("CPU%"),
            Column.right("MEM USED"),
            Column.left("TAGS"));
    for (VmView v : sorted(vms, VmView::name)) {
      t.row(
          v.name(),
          v.state(),
          v.hostName(),
          v.vcpus(),
          Sizes.formatMib(v.memoryMib()),
          percent(v.cpuPercent()),
          v.memoryUsedMib() == null ? null : Sizes.formatMib(v.memoryUsedMib()),
          tags(v.tags()));
    }
    return t.render();
  }

  public static String hostTable(List<HostView> hosts) {
    Table t =
        new Table(
            Column.left("NAME"),
            Column.left("STATE"),
            Column.left("MAINT"),
            Column.right("VMS"),
            Column.right("CPU%"),
            Column.right("MEM USED/TOTAL"),
            Column.left("DRIVER"));
    for (HostView h : sorted(hosts, HostView::name)) {
      t.row(
          h.name(),
          h.state(),
          h.maintenance() ? "yes" : "no",
          h.vmCount(),
          percent(h.cpuPercent()),
          memoryOfTotal(h.memoryUsedMib(), h.memoryMib()),
          h.driver());
    }
    return t.render();
  }

  public static String templateTable(List<Template> templates) {
    Table t =
        new Table(
            Column.left("NAME"),
            Column.right("VCPUS"),
            Column.right("MEMORY"),
            Column.right("DISK"),
            Column.left("IMAGE"),
            Column.left("WORKLOAD"));
    for (Template x : sorted(templates, Template::name)) {
      t.row(
          x.name(),
          x.vcpus(),
          Sizes.formatMib(x.memoryMib()),
          Sizes.formatGib(x.diskGib()),
          x.image().isEmpty() ? null : x.image(),
          Workloads.format(x.workload()));
    }
    return t.render();
  }

  public static String eventTable(List<EventView> events) {
    Table t =
        new Table(
            Column.left("AT"),
            Column.left("VM"),
            Column.left("HOST"),
            Column.left("TYPE"),
            Column.left("STATE"),
            Column.left("MESSAGE"));
    for (EventView e : events) {
      t.row(
          time(e.at()),
          e.vmName(),
          e.hostName(),
          e.type(),
          e.state(),
          e.message() == null || e.message().isEmpty() ? null : e.message());
    }
    return t.render();
  }

  public static String vm(VmView v) {
    List<String[]> kv = new ArrayList<>();
    kv.add(new String[] {"Name", v.name()});
    kv.add(new String[] {"Id", v.id()});
    kv.add(new String[] {"State", v.state()});
    kv.add(new String[] {"Host", v.hostName()});
    kv.add(new String[] {"vCPUs", Integer.toString(v.vcpus())});
    kv.add(new String[] {"Memory", Sizes.formatMib(v.memoryMib())});
    kv.add(new String[] {"Disk", Sizes.formatGib(v.diskGib())});
    kv.add(new String[] {"Template", v.template()});
    kv.add(new String[] {"Image", v.image() == null || v.image().isEmpty() ? null : v.image()});
    kv.add(new String[] {"Workload", v.workload() == null ? null : Workloads.format(v.workload())});
    kv.add(new String[] {"Tags", tags(v.tags())});
    kv.add(new String[] {"CPU", v.cpuPercent() == null ? null : percent(v.cpuPercent()) + "%"});
    kv.add(
        new String[] {
          "Memory used", memoryOfTotal(v.memoryUsedMib(), v.memoryMib()),
        });
    kv.add(new String[] {"Boots", Long.toString(v.bootCount())});
    kv.add(new String[] {"Created", time(v.createdAt())});
    kv.add(new String[] {"Updated", time(v.updatedAt())});
    return Table.keyValues(kv);
  }

  public static String host(HostView h) {
    List<String[]> kv = new ArrayList<>();
    kv.add(new String[] {"Name", h.name()});
    kv.add(new String[] {"Id", h.id()});
    kv.add(new String[] {"State", h.state()});
    kv.add(new String[] {"Maintenance", h.maintenance() ? "yes" : "no"});
    kv.add(new String[] {"Driver", h.driver()});
    kv.add(new String[] {"Hypervisor", h.hypervisor()});
    kv.add(new String[] {"CPU", h.cpuCores() + " cores x " + h.cpuMhz() + " MHz, " + h.cpuModel()});
    kv.add(new String[] {"Memory", Sizes.formatMib(h.memoryMib())});
    kv.add(new String[] {"Disk", Sizes.formatGib(h.diskGib())});
    kv.add(new String[] {"VMs", h.runningVms() + " running of " + h.vmCount()});
    kv.add(
        new String[] {
          "Allocated",
          h.allocatedVcpus() + " vCPUs, " + Sizes.formatMib(h.allocatedMemoryMib()) + " memory"
        });
    kv.add(
        new String[] {"CPU used", h.cpuPercent() == null ? null : percent(h.cpuPercent()) + "%"});
    kv.add(new String[] {"Memory used", memoryOfTotal(h.memoryUsedMib(), h.memoryMib())});
    kv.add(new String[] {"Last seen", time(h.lastSeen())});
    return Table.keyValues(kv);
  }

  public static String template(Template t) {
    List<String[]> kv = new ArrayList<>();
    kv.add(new String[] {"Name", t.name()});
    kv.add(new String[] {"Description", t.description().isEmpty() ? null : t.description()});
    kv.add(new String[] {"vCPUs", Integer.toString(t.vcpus())});
    kv.add(new String[] {"Memory", Sizes.formatMib(t.memoryMib())});
    kv.add(new String[] {"Disk", Sizes.formatGib(t.diskGib())});
    kv.add(new String[] {"Image", t.image().isEmpty() ? null : t.image()});
    kv.add(new String[] {"Workload", Workloads.format(t.workload())});
    return Table.keyValues(kv);
  }

  static String percent(Double p) {
    return p == null ? null : String.format(Locale.ROOT, "%.1f", p);
  }

  static String memoryOfTotal(Long used, long total) {
    return (used == null ? "-" : Sizes.formatMib(used)) + "/" + Sizes.formatMib(total);
  }

  static String tags(List<String> tags) {
    return tags == null || tags.isEmpty() ? null : String.join(",", tags);
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
