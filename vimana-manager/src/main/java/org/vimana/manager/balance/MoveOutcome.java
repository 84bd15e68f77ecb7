package org.vimana.manager.balance;

import java.util.Locale;

/** What became of one move of a plan. */
public enum MoveOutcome {
  /** Not started yet. */
  PLANNED,
  /** Its live migration runs. */
  RUNNING,
  /** The VM runs on the target. */
  DONE,
  /** Dropped before it started: the re-check or the migration's pre-checks refused it. */
  SKIPPED,
  /** Its migration started and failed; the VM stays on its source. */
  FAILED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean ended() {
    return this == DONE || this == SKIPPED || this == FAILED;
  }
}
