package org.vimana.guest.status;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.vimana.guest.proc.Processes;

/**
 * The uid and command line of reported processes, read once per process image instead of at every
 * snapshot: with pushes every few seconds the top processes are mostly the same ones, and their two
 * extra reads each cost more than the whole /proc/PID/stat scan under TCG. An entry is read again
 * when the pid's start time or comm changes (a new process, or an exec) and at least every {@link
 * #REFRESH_MILLIS} (a setuid or a rewritten argv keeps both). Not thread-safe: the collector's lock
 * guards it.
 */
final class ProcessDetails {
  static final long REFRESH_MILLIS = 60_000;

  /** What was read, and for which process image. */
  record Entry(long startTicks, String comm, long uid, String cmdline, long readAtMillis) {}

  private final Processes processes;
  private final Map<Long, Entry> byPid = new HashMap<>();

  ProcessDetails(Processes processes) {
    this.processes = processes;
  }

  Entry of(Processes.Stat s, long nowMillis) {
    Entry e = byPid.get(s.pid());
    if (e == null
        || e.startTicks() != s.startTicks()
        || !e.comm().equals(s.comm())
        || nowMillis - e.readAtMillis() >= REFRESH_MILLIS) {
      e =
          new Entry(
              s.startTicks(),
              s.comm(),
              processes.uid(s.pid()),
              processes.cmdline(s.pid(), s.comm()),
              nowMillis);
      byPid.put(s.pid(), e);
    }
    return e;
  }

  /** Forgets processes that are gone. */
  void retain(Set<Long> livePids) {
    byPid.keySet().retainAll(livePids);
  }

  int size() {
    return byPid.size();
  }
}
