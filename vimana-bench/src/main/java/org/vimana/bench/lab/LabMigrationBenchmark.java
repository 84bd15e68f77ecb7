package org.vimana.bench.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.driver.MigrationOptions;
import org.vimana.core.driver.MigrationResult;
import org.vimana.core.driver.Migrator;
import org.vimana.core.vm.VmStatus;
import org.vimana.lab.Lab;
import org.vimana.lab.LabHost;
import org.vimana.node.driver.Drivers;

/**
 * Live migration of a lab guest back and forth between two lab hosts with the libvirt driver, for
 * each max-downtime setting: median total time and downtime (libvirt's job statistics) over {@code
 * RUNS} migrations, the settings interleaved run by run so that machine noise spreads over all of
 * them.
 *
 * <p>{@code ./vimana-bench/run lab-migration [--runs 5] [--memory 128]}
 */
public final class LabMigrationBenchmark {
  private static final long[] MAX_DOWNTIME_MS = {30, 100, 300, 1000};

  private LabMigrationBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = LabStatsBenchmark.intArg(args, "--runs", 5);
    int memory = LabStatsBenchmark.intArg(args, "--memory", 128);
    Path cache = Path.of(System.getProperty("user.home"), ".cache", "vimana", "lab");
    Path work = Files.createTempDirectory("vlab-migr");
    try (Lab lab = Lab.start(cache, work, "bench-mig", 2)) {
      LabHost ha = lab.hosts().get(0);
      LabHost hb = lab.hosts().get(1);
      try (Hypervisor a = Drivers.open("libvirt", ha.name(), lab.driverOptions(ha));
          Hypervisor b = Drivers.open("libvirt", hb.name(), lab.driverOptions(hb))) {
        String id = LabVms.boot(a, "mig", 1, memory).get(0);
        Hypervisor[] hosts = {a, b};
        int at = 0;
        List<List<MigrationResult>> results = new ArrayList<>();
        for (long ignored : MAX_DOWNTIME_MS) {
          results.add(new ArrayList<>());
        }
        try {
          for (int r = 0; r < runs; r++) {
            for (int s = 0; s < MAX_DOWNTIME_MS.length; s++) {
              Hypervisor from = hosts[at];
              Hypervisor to = hosts[1 - at];
              VmStatus vm = from.find(id).orElseThrow();
              Migrator target = to.migrator().orElseThrow();
              String uri = target.prepareIncoming(vm);
              MigrationResult m =
                  from.migrator()
                      .orElseThrow()
                      .migrate(id, uri, new MigrationOptions(MAX_DOWNTIME_MS[s], 0))
                      .toCompletableFuture()
                      .get();
              results.get(s).add(m);
              at = 1 - at;
            }
          }
        } finally {
          LabVms.destroyAll(hosts[at], List.of(id));
        }
        System.out.printf(
            "%nlive migration of a %d MiB lab guest (idle busybox, QEMU TCG), median of %d runs%n",
            memory, runs);
        System.out.printf(
            "%16s %12s %14s %12s%n", "max downtime ms", "total ms", "downtime ms", "sent MiB");
        for (int s = 0; s < MAX_DOWNTIME_MS.length; s++) {
          List<MigrationResult> rs = results.get(s);
          System.out.printf(
              "%16d %12.0f %14.0f %12.0f%n",
              MAX_DOWNTIME_MS[s],
              Median.of(rs.stream().map(m -> (double) m.totalMillis()).toList()),
              Median.of(rs.stream().map(m -> (double) m.downtimeMillis()).toList()),
              Median.of(rs.stream().map(m -> (double) m.transferredMib()).toList()));
        }
      }
    }
  }
}
