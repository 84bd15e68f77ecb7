package org.vimana.guest.status;

import org.vimana.agent.ext.StatusSnapshot;
import org.vimana.guest.proc.ProcStat;

/** Counter arithmetic: per-second rates and CPU percentages between two samples. */
final class Rates {
  private Rates() {}

  /** A counter delta per second; a negative delta (counter reset, wrap) counts as zero. */
  static double perSecond(long delta, double seconds) {
    return delta <= 0 || seconds <= 0 ? 0 : round(delta / seconds);
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  /** CPU usage since the previous aggregate sample, or since boot when there is none. */
  static StatusSnapshot.Cpu cpu(ProcStat stat, ProcStat.CpuTimes prev) {
    ProcStat.CpuTimes now = stat.total();
    long total = now.total() - (prev == null ? 0 : prev.total());
    double t = total <= 0 ? 1 : total;
    long idle = now.idleAll() - (prev == null ? 0 : prev.idleAll());
    long user = now.user() + now.nice() - (prev == null ? 0 : prev.user() + prev.nice());
    long system =
        now.system()
            + Math.max(0, now.irq())
            + Math.max(0, now.softirq())
            - (prev == null
                ? 0
                : prev.system() + Math.max(0, prev.irq()) + Math.max(0, prev.softirq()));
    long iowait = Math.max(0, now.iowait()) - (prev == null ? 0 : Math.max(0, prev.iowait()));
    long steal = Math.max(0, now.steal()) - (prev == null ? 0 : Math.max(0, prev.steal()));
    return new StatusSnapshot.Cpu(
        Math.max(1, stat.cpus().size()),
        total <= 0 ? 0 : round(100.0 * (total - idle) / t),
        round(100.0 * Math.max(0, user) / t),
        round(100.0 * Math.max(0, system) / t),
        round(100.0 * Math.max(0, iowait) / t),
        round(100.0 * Math.max(0, steal) / t),
        stat.contextSwitches(),
        stat.procsRunning(),
        stat.procsBlocked());
  }
}
