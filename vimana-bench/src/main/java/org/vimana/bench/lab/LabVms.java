package org.vimana.bench.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.vm.VmSpec;
import org.vimana.core.vm.VmState;
import org.vimana.lab.Lab;

/** Boots lab guests on one host and waits until each prints its console counter. */
final class LabVms {
  private LabVms() {}

  static List<String> boot(Hypervisor hv, String prefix, int count, long memoryMib)
      throws HypervisorException, InterruptedException {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String id = UUID.randomUUID().toString();
      hv.define(id, new VmSpec(prefix + "-" + i, 1, memoryMib, 1, Lab.IMAGE, null, Map.of()));
      hv.start(id);
      ids.add(id);
    }
    long deadline = System.nanoTime() + 600_000_000_000L;
    for (String id : ids) {
      while (!hv.consoleLog(id, 4096).contains("vimana-counter")) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("guest " + id + " did not boot within 10 minutes");
        }
        Thread.sleep(500);
      }
      if (hv.find(id).orElseThrow().state() != VmState.RUNNING) {
        throw new IllegalStateException("guest " + id + " is not running");
      }
    }
    return ids;
  }

  static void destroyAll(Hypervisor hv, List<String> ids) {
    for (String id : ids) {
      try {
        hv.destroy(id);
      } catch (HypervisorException e) {
        // already off
      }
      try {
        hv.undefine(id);
      } catch (HypervisorException e) {
        System.err.println("cannot undefine " + id + ": " + e.getMessage());
      }
    }
  }
}
