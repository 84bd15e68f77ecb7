package org.vimana.cli.server;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.vimana.api.client.ApiException;
import org.vimana.api.client.VimanaClient;
import org.vimana.api.model.CreateVmRequest;
import org.vimana.api.model.VmFilter;
import org.vimana.api.model.VmView;
import org.vimana.core.template.Template;
import org.vimana.core.workload.Workload;

/**
 * What {@code vimana demo} puts in its cluster: three templates and VMs spread over them with
 * varied workloads, so that hosts differ and change over a few minutes. Whatever already exists is
 * kept, so a demo restarted on the same data dir resumes.
 */
final class DemoInventory {
  /** A diurnal "day" of the demo: ten minutes, so a cycle is visible while watching. */
  static final double DEMO_DAY_SECONDS = 600;

  static final List<Template> TEMPLATES =
      List.of(
          new Template(
              "web",
              "demo web server, daily cycle",
              2,
              2048,
              20,
              "",
              new Workload.Diurnal(0.35, 0.25, DEMO_DAY_SECONDS, 0, 0.5)),
          new Template(
              "db", "demo database, steady", 4, 8192, 100, "", new Workload.Constant(0.4, 0.8)),
          new Template(
              "batch",
              "demo batch job, bursts",
              1,
              1024,
              10,
              "",
              new Workload.Bursty(0.05, 0.95, 0.2, 20, 1, 0.4)));

  /** Of every ten VMs: five web servers, two databases, three batch jobs. */
  private static final String[] MIX = {
    "web", "batch", "web", "db", "web", "batch", "web", "db", "web", "batch"
  };

  private DemoInventory() {}

  /** The VMs of a demo of {@code count} VMs, in creation order. */
  static List<CreateVmRequest> plan(int count) {
    Map<String, Integer> seen = new HashMap<>();
    List<CreateVmRequest> plan = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String role = MIX[i % MIX.length];
      int n = seen.merge(role, 1, Integer::sum);
      String name = String.format(java.util.Locale.ROOT, "%s-%02d", role, n);
      plan.add(
          new CreateVmRequest(
              name,
              role,
              null,
              null,
              null,
              null,
              workload(role, i),
              List.of("demo", role),
              null,
              true));
    }
    return plan;
  }

  private static Workload workload(String role, int i) {
    return switch (role) {
      case "web" ->
          new Workload.Diurnal(
              0.25 + 0.1 * (i % 3),
              0.25,
              DEMO_DAY_SECONDS,
              // Phases scattered over the day (37 and 100 are coprime), whatever the VM count.
              DEMO_DAY_SECONDS * ((i * 37) % 100) / 100.0,
              0.5);
      case "db" -> new Workload.Constant(0.2 + 0.1 * (i % 5), 0.8);
      default -> new Workload.Bursty(0.05, 0.95, 0.15, 20, i, 0.4);
    };
  }

  /** Creates the templates and VMs that do not exist yet; returns how many VMs it created. */
  static int ensure(VimanaClient client, int count, PrintStream out) throws ApiException {
    Set<String> templates =
        client.templates().stream().map(Template::name).collect(Collectors.toSet());
    for (Template t : TEMPLATES) {
      if (!templates.contains(t.name())) {
        client.createTemplate(t);
      }
    }
    Set<String> vms =
        client.vms(VmFilter.all()).stream().map(VmView::name).collect(Collectors.toSet());
    int created = 0;
    for (CreateVmRequest r : plan(count)) {
      if (vms.contains(r.name())) {
        continue;
      }
      try {
        client.createVm(r);
        created++;
      } catch (ApiException e) {
        if (e.status() == 0 || e.status() == 401) {
          throw e;
        }
        out.println("warning: vm " + r.name() + " not created: " + e.getMessage());
      }
    }
    return created;
  }
}
