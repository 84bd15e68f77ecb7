package org.vimana.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.vimana.api.client.ApiException;
import org.vimana.api.client.VimanaClient;
import org.vimana.api.model.BalancePlanView;
import org.vimana.api.model.BalanceStatus;
import org.vimana.api.model.VmFilter;
import org.vimana.api.model.VmView;

/**
 * What {@link LabBalanceIT} reads of the cluster through the public API: VMs per host, each host's
 * load as the balancer counts it (its VMs' CPU over its cores), the daemon's periodic plans, and a
 * diagnosis of the balancer for a failed wait. API errors become test failures.
 */
final class LabBalanceView {
  private final VimanaClient api;
  private final List<String> hosts;

  LabBalanceView(VimanaClient api, List<String> hosts) {
    this.api = api;
    this.hosts = List.copyOf(hosts);
  }

  /** As {@link LabApi#await}, but a timeout says what the balancer did and where it is. */
  void awaitOrExplain(String what, Duration limit, BooleanSupplier ok) throws InterruptedException {
    try {
      LabApi.await(what, limit, ok);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n" + diagnosis(), e);
    }
  }

  String diagnosis() {
    StringBuilder out = new StringBuilder("VM CPU %: ").append(vmCpu());
    try {
      BalanceStatus s = api.balance();
      out.append("\nbalance: ").append(s.mode()).append(", next run ").append(s.nextRunAt());
      for (BalancePlanView p : api.balanceHistory(5)) {
        out.append("\n  plan ").append(p.trigger()).append(' ').append(p.status());
        out.append(": ").append(p.message()).append(' ').append(p.notes());
      }
      out.append("\non demand now: ").append(api.balancePlan().message());
    } catch (ApiException | RuntimeException e) {
      out.append("\nbalance API: ").append(e);
    }
    Thread.getAllStackTraces()
        .forEach(
            (t, stack) -> {
              if (t.getName().startsWith("vimana-balance")) {
                out.append("\nthread ").append(t.getName()).append(' ').append(t.getState());
                for (int i = 0; i < Math.min(12, stack.length); i++) {
                  out.append("\n    at ").append(stack[i]);
                }
              }
            });
    return out.toString();
  }

  /** Each host's CPU demand as the balancer counts it: its VMs' use over its cores. */
  Map<String, Double> hostLoads() {
    Map<String, Double> load = new TreeMap<>();
    hosts.forEach(h -> load.put(h, 0.0));
    for (VmView v : vms()) {
      int cores = nodesCores(v.hostName());
      load.merge(v.hostName(), cpu(v) * v.vcpus() / 100.0 / cores, Double::sum);
    }
    load.replaceAll((h, l) -> Math.round(l * 100) / 100.0);
    return load;
  }

  int nodesCores(String host) {
    try {
      return api.host(host).cpuCores();
    } catch (ApiException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  static double spread(Map<String, Double> load) {
    return load.values().stream().mapToDouble(Double::doubleValue).max().orElse(0)
        - load.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
  }

  Map<String, Double> vmCpu() {
    Map<String, Double> out = new TreeMap<>();
    vms().forEach(v -> out.put(v.name() + "@" + v.hostName(), Math.rint(cpu(v))));
    return out;
  }

  static double cpu(VmView v) {
    return v.cpuPercent() == null ? 0 : v.cpuPercent();
  }

  Map<String, Integer> perHost() {
    Map<String, Integer> out = new HashMap<>();
    vms().forEach(v -> out.merge(v.hostName(), 1, Integer::sum));
    return out;
  }

  /** The daemon's periodic plans, oldest first. */
  List<BalancePlanView> periodic() {
    try {
      List<BalancePlanView> out =
          new ArrayList<>(
              api.balanceHistory(100).stream()
                  .filter(p -> p.trigger().equals("periodic"))
                  .toList());
      out.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
      return out;
    } catch (ApiException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  List<VmView> vms() {
    try {
      return api.vms(VmFilter.all());
    } catch (ApiException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }
}
