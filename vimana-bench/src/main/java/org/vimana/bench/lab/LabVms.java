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

  /** Guests booted at once: 2 cores under TCG cannot start twenty guest agents together. */
  private static final int WAVE = 4;

  /**
   * Boots {@code count} guests in waves of {@link #WAVE}, each wave until every guest of it prints
   * its console counter (at most 5 minutes a wave).
   */
  static List<String> boot(Hypervisor hv, String prefix, int count, long memoryMib)
      throws HypervisorException, InterruptedException {
    List<String> ids = new ArrayList<>();
    for (int first = 1; first <= count; first += WAVE) {
      List<String> wave = new ArrayList<>();
      for (int i = first; i < first + WAVE && i <= count; i++) {
        String id = UUID.randomUUID().toString();
        hv.define(id, new VmSpec(prefix + "-" + i, 1, memoryMib, 1, Lab.IMAGE, null, Map.of()));
        hv.start(id);
        wave.add(id);
      }
      awaitCounters(hv, wave);
      ids.addAll(wave);
    }
    return ids;
  }

  private static void awaitCounters(Hypervisor hv, List<String> ids)
      throws HypervisorException, InterruptedException {
    long deadline = System.nanoTime() + 300_000_000_000L;
    for (String id : ids) {
      while (!hv.consoleLog(id, 4096).contains("vimana-counter")) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("guest " + id + " did not boot within 5 minutes");
        }
        Thread.sleep(500);
      }
      if (hv.find(id).orElseThrow().state() != VmState.RUNNING) {
        throw new IllegalStateException("guest " + id + " is not running");
      }
    }
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
