package org.vimana.guest.proc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.vimana.agent.ext.ServiceState;

/**
 * Service states without D-Bus or systemctl: under systemd a unit NAME.service is running exactly
 * when its cgroup (cgroup v2: /sys/fs/cgroup/system.slice/NAME.service) holds processes; on guests
 * without systemd a service is active when a process of that name runs.
 */
public final class Services {
  private final SystemRoot root;
  private final Processes processes;

  public Services(SystemRoot root, Processes processes) {
    this.root = root;
    this.processes = processes;
  }

  /** The named services' states; {@code scan} is a process scan the caller has just taken. */
  public List<ServiceState> states(List<String> names, List<Processes.Stat> scan)
      throws IOException {
    List<ServiceState> out = new ArrayList<>();
    for (String name : names) {
      String unit = name.endsWith(".service") ? name : name + ".service";
      String procs = root.readIfExists("sys/fs/cgroup/system.slice/" + unit + "/cgroup.procs");
      if (procs != null) {
        long n = procs.lines().filter(l -> !l.isBlank()).count();
        out.add(new ServiceState(name, n > 0 ? "active" : "inactive", "cgroup", n));
        continue;
      }
      if (root.exists("sys/fs/cgroup/system.slice")) {
        out.add(new ServiceState(name, "inactive", "cgroup", 0));
        continue;
      }
      String comm = name.endsWith(".service") ? name.substring(0, name.length() - 8) : name;
      long n = scan.stream().filter(s -> s.comm().equals(comm)).count();
      out.add(new ServiceState(name, n > 0 ? "active" : "inactive", "process", n));
    }
    return out;
  }

  /** True when some process has this comm (for "process" health checks). */
  public boolean processRunning(String comm) throws IOException {
    return processes.all().stream().anyMatch(s -> s.comm().equals(comm));
  }
}
